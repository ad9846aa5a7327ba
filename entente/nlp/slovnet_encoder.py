"""slovnet's `CNNEncoder` run over the real words of a batch only: a batch of sentences is padded to its longest,
and slovnet's encoder runs every layer's filters over the padding too (45 % more rows over the bench corpus's
parsed sentences), then sets what it found there to zero before the next layer.

Here each layer's window matrix is laid out as slovnet lays it out, padding included (a word's window reaches into
the padding beside it: the `<pad>` word's vector in the first layer, zero in natasha's news model, and zeros after
it), and only the rows of real words are multiplied by the filters; the padding's rows are zero, as slovnet leaves
them. Each real row is the same numbers in the same order, so the result is the same — as long as the matrix
product gives a row the same value whatever other rows come with it. OpenBLAS did on the machine this was built on
(its kernels sum along a row in one order), but for a product of a few rows, which it hands to another kernel: below
`MIN_ROWS` real words the batch goes through slovnet's own encoder (there, 18 rows or fewer took the other path). Not
every CPU's kernels do: on an AMD EPYC with OpenBLAS 0.3.31 a number may differ in its last bits (0.44981265 for
slovnet's 0.44981274), and a near-tie of the parser may then fall the other way (4 of 1,043 words of the examples
hung elsewhere, tests/test_natasha_runs.py), as natasha's own parse differs from one BLAS to another.
"""

from __future__ import annotations

from typing import Any

MIN_ROWS = 64  # real words of a batch below which slovnet's own encoder runs (see the module docstring)


class QuickEncoder:
    """A drop-in for slovnet's `CNNEncoder` (`encoder(input, pad_mask)`: batch x positions x channels in, the
    same out) whose layers convolve with `QuickConv1d` (`slovnet_load.py`)."""

    def __init__(self, encoder: Any) -> None:
        self._encoder = encoder  # slovnet's, for a small batch
        self.layers = encoder.layers

    def __call__(self, input: Any, mask: Any) -> Any:
        import numpy as np

        batch, length, _ = input.shape
        real = np.flatnonzero(~mask.ravel())  # the rows of real words: the mask is true on the padding
        if len(real) < MIN_ROWS or any(2 * x.conv.padding != x.conv.kernel - 1 for x in self.layers):
            return self._encoder(input, mask)  # (a window per position only when the padding keeps the length)
        x = input
        for layer in self.layers:
            found = layer.relu(np.matmul(layer.conv.windows(x)[real], layer.conv._weight) + layer.conv._bias)
            norm = layer.norm  # slovnet's BatchNorm1d, over rows: the same operations on each number
            found = (found - norm.mean.array) / norm.std.array * norm.weight.array + norm.bias.array
            x = np.zeros((batch, length, found.shape[-1]), dtype=found.dtype)
            x.reshape(batch * length, -1)[real] = found
        return x

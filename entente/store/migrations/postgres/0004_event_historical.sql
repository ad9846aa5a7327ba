-- Events carry `historical`: their date lies well before the article's publication (background).
ALTER TABLE events ADD COLUMN historical boolean NOT NULL DEFAULT false;

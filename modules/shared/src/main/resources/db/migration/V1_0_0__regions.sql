-- Regions: one per samenwerkingsverband passend onderwijs.
CREATE TABLE region (
    code VARCHAR(32)  PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

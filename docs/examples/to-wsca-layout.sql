-- Turns a model's embeddings and a metadata table into WSCA's input layout, with DuckDB
-- (https://duckdb.org; tested with DuckDB 1.4.4). Run it in the folder that holds model-output/:
--   mkdir -p data && duckdb -c ".read to-wsca-layout.sql"      (DuckDB does not create data/)
-- In:  model-output/embeddings.parquet  image_id, embedding (a list of floats, one per image)
--      model-output/metadata.csv        image_id, patient_id, hospital, diagnosis,
--                                       scanner_model, age (one row per image, with a header)
-- Out: data/embeddings/site=<hospital>/*.parquet, the columns conf/audit.conf expects.
-- Rename the columns on the left of AS to yours; keep the names on the right (or change them in
-- conf/audit.conf too). Images without metadata are dropped by the join.
COPY (
  SELECT
    CAST(m.image_id AS VARCHAR)   AS sample_id,
    CAST(e.embedding AS FLOAT[])  AS embedding,
    CAST(m.hospital AS VARCHAR)   AS site,
    CAST(m.diagnosis AS VARCHAR)  AS label,
    CAST(m.patient_id AS VARCHAR) AS patient_id,
    CAST(m.scanner_model AS VARCHAR) AS scanner,
    CAST(m.age AS DOUBLE)         AS age
  FROM read_parquet('model-output/embeddings.parquet') AS e
  JOIN read_csv('model-output/metadata.csv', header = true) AS m
    ON CAST(e.image_id AS VARCHAR) = CAST(m.image_id AS VARCHAR)
) TO 'data/embeddings' (FORMAT parquet, PARTITION_BY (site), OVERWRITE_OR_IGNORE);

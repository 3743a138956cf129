-- Page variants (issue 13): a named list of DOM mutations of a project, applied to a capture with variantId.
-- mutations_json is the array as the user sent it, validated by analysis.variant.Mutations before it is stored.
-- Variants are never edited: delete and create again (the capture key hashes the mutations, so old captures stay apart).
CREATE TABLE variants (
    id             VARCHAR(40)  PRIMARY KEY,
    project_id     VARCHAR(40)  NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name           VARCHAR(100) NOT NULL,
    description    TEXT,
    mutations_json TEXT         NOT NULL,
    created_at     BIGINT       NOT NULL,
    UNIQUE (project_id, name)
);

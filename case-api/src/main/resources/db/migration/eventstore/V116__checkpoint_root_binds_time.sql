-- A checkpoint's root also hashes when it was taken and over how many links (root_format 2, which the service writes
-- explicitly): the time decides which events it must hold (any dated before it), and a time rewritten without its root
-- would excuse an event inserted and backdated since. Checkpoints taken before this migration, and any a node of the
-- older release takes during a rolling upgrade, hash the heads alone (root_format 1, the default). A node of the older
-- release verifies every checkpoint as format 1 and so reports the new ones as broken: verify on upgraded nodes.
ALTER TABLE chain_checkpoint ADD COLUMN root_format SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE chain_checkpoint ADD CONSTRAINT chain_checkpoint_root_format CHECK (root_format IN (1, 2));

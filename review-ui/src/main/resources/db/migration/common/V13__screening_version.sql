-- One row whose version goes up in every transaction that adds stays or findings (imports, triggers a reviewer adds,
-- the demo history), as its last statement. The dashboard keeps what it reads from every screened stay (bed
-- occupancy, restrictive-practice episodes) for as long as this number is unchanged: reading one row is cheap,
-- counting the rows of stay and finding on every visit is not.
CREATE TABLE screening_version (
    id INT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO screening_version (id, version) VALUES (1, 0);

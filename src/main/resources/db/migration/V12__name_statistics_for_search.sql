-- A search (name ILIKE '%term%') is answered either through the trigram index, sorting what it finds, or by walking
-- the name order until a page is full. Which is faster depends on how many names match, which the planner estimates
-- from the column's histogram; with the default 100 buckets a rare term was often estimated a hundred times too
-- common, and the walk then read most of the table for one page (hundreds of milliseconds, seconds under load).
-- A finer histogram keeps the estimate close for terms down to about one name in ten thousand.
ALTER TABLE server_version ALTER COLUMN name SET STATISTICS 1000;
ANALYZE server_version;

-- A failed bot run used to end its technical detail with the folder of its evidence on the server
-- ("...; evidence in /srv/ferry/data/bot-runs/<run id>"), which the inbox and the journal showed. Now the
-- detail links the run (/api/bots/runs/<run id>) and shows no server path; the old ones are dropped. The run's
-- evidence stays listed, as links, with the inbox item.
UPDATE order_journal SET detail = REGEXP_REPLACE(detail, '; evidence in .*$', '')
WHERE detail LIKE '%; evidence in %';
UPDATE exceptions SET detail = REGEXP_REPLACE(detail, '; evidence in .*$', '')
WHERE detail LIKE '%; evidence in %';

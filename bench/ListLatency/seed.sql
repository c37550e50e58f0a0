-- Seeds a migrated, empty TicketPlatform database on PostgreSQL with :tickets tickets (3 messages each), directly in SQL.
-- Usage: psql -v ON_ERROR_STOP=1 -v tickets=1000000 -d <database> -f bench/ListLatency/seed.sql
--
-- Distributions: users = tickets / 10 requesters, 50 agents, 2 admins, 20 categories; status 60% CLOSED,
-- 12% RESOLVED, 8% IN_PROGRESS, 20% OPEN (half of OPEN unassigned); priority 30/45/20/5% LOW..URGENT; 15% without
-- category, the rest skewed to the first categories; 0.5% archived. Text is drawn from 4,096 made-up words with a
-- Zipf-like skew (a long tail of rare words): titles word by word, descriptions and messages from a pool of 20,000
-- texts; 'zephyr' is in 1% of titles and nowhere else; 'xylograph' is nowhere.
-- Every ticket has TICKET_CREATED plus one event per message; a third of the agents' messages are INTERNAL notes.
--
-- Bounded in time: secondary indexes are dropped, the rows are generated with generate_series (triggers and
-- foreign-key checks off for the session), then the derived tables (ticket_search, ticket_counts) are filled in
-- bulk and the indexes rebuilt once.

\set ON_ERROR_STOP on
SET session_replication_role = replica;
SET maintenance_work_mem = '512MB';
SET work_mem = '64MB';
SET synchronous_commit = off;

-- Drop the secondary indexes (constraints stay), remembering how to build them again.
CREATE TEMP TABLE seed_indexes AS
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = 'public'
  AND i.tablename IN ('tickets', 'ticket_search', 'participants', 'messages', 'events', 'users')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT indexname FROM seed_indexes LOOP
    EXECUTE format('DROP INDEX %I', r.indexname);
  END LOOP;
END $$;

-- n words out of 16^3 made-up ones (three syllables), skewed to the first: none is 'zephyr' or starts with 'xylograph'.
CREATE FUNCTION pg_temp.seed_words(n int) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(s[1 + j / 256] || s[1 + (j / 16) % 16] || s[1 + j % 16], ' ')
  FROM (SELECT floor(4096 * random() ^ 3)::int AS j FROM generate_series(1, n)) x,
       (SELECT ARRAY['ka','lo','mi','ner','pa','ro','sti','ven','da','qui','tor','lan','bel','cor','fin','gra'] AS s) y
$$;

-- Descriptions and messages draw from a pool of texts: generating every text word by word is what costs.
CREATE TEMP TABLE seed_texts AS SELECT i, pg_temp.seed_words(12 + (i % 34)) AS body FROM generate_series(1, 20000) i;
CREATE UNIQUE INDEX ON seed_texts (i);
ANALYZE seed_texts;

INSERT INTO users (id, subject, email, name, name_set_by_user, role, active, created_at, updated_at)
SELECT gen_random_uuid(), 'bench-user-' || g, 'user' || g || '@example.com', 'User ' || g, false, 'USER', true,
       timestamptz '2023-12-01', timestamptz '2023-12-01'
FROM generate_series(1, greatest(:tickets / 10, 100)) g
UNION ALL
SELECT gen_random_uuid(), 'bench-agent-' || g, 'agent' || g || '@example.com', 'Agent ' || g, false, 'AGENT', true,
       timestamptz '2023-12-01', timestamptz '2023-12-01'
FROM generate_series(1, 50) g
UNION ALL
SELECT gen_random_uuid(), 'bench-admin-' || g, 'admin' || g || '@example.com', 'Admin ' || g, false, 'ADMIN', true,
       timestamptz '2023-12-01', timestamptz '2023-12-01'
FROM generate_series(1, 2) g;

INSERT INTO categories (id, name, name_key, description, active, sort_order, created_at)
SELECT gen_random_uuid(), 'Category ' || g, 'category ' || g, NULL, true, g, timestamptz '2023-12-01'
FROM generate_series(1, 20) g;

CREATE TEMP TABLE seed_requesters AS SELECT row_number() OVER (ORDER BY subject) AS i, id FROM users WHERE role = 'USER';
CREATE TEMP TABLE seed_agents AS SELECT row_number() OVER (ORDER BY subject) AS i, id FROM users WHERE role = 'AGENT';
CREATE TEMP TABLE seed_categories AS SELECT sort_order AS i, id FROM categories;
CREATE UNIQUE INDEX ON seed_requesters (i);
CREATE UNIQUE INDEX ON seed_agents (i);
ANALYZE seed_requesters;
ANALYZE seed_agents;

INSERT INTO tickets (number, title, description, status, priority, category_id, requester_id, assignee_id,
                     priority_locked, category_locked, assignment_locked, archived,
                     created_at, updated_at, resolved_at, closed_at, version, last_seq)
SELECT s.number, s.title, d.body, s.status, s.priority, c.id, r.id,
       CASE WHEN s.status <> 'OPEN' OR s.assigned THEN a.id END,
       false, false, false, s.archived, s.created_at, s.updated_at,
       CASE WHEN s.status IN ('RESOLVED', 'CLOSED') THEN s.updated_at END,
       CASE WHEN s.status = 'CLOSED' THEN s.updated_at END,
       4, 4
FROM (
  SELECT g,
         'TCK-2025-' || lpad(g::text, greatest(5, length(g::text)), '0') AS number,
         CASE WHEN random() < 0.01 THEN 'zephyr ' ELSE '' END || pg_temp.seed_words(4 + (g % 5)::int) AS title,
         1 + floor(random() * 20000)::int AS description_i,
         CASE WHEN rs < 0.60 THEN 'CLOSED' WHEN rs < 0.72 THEN 'RESOLVED' WHEN rs < 0.80 THEN 'IN_PROGRESS' ELSE 'OPEN' END AS status,
         (CASE WHEN rp < 0.30 THEN 0 WHEN rp < 0.75 THEN 1 WHEN rp < 0.95 THEN 2 ELSE 3 END)::smallint AS priority,
         random() < 0.5 AS assigned,
         random() < 0.005 AS archived,
         1 + floor(random() * greatest(:tickets / 10, 100))::bigint AS requester_i,
         1 + floor(random() * 50)::bigint AS agent_i,
         CASE WHEN random() < 0.15 THEN NULL ELSE 1 + floor(20 * random() ^ 2)::int END AS category_i,
         created_at,
         created_at + random() * interval '20 days' AS updated_at
  FROM (
    SELECT g, random() AS rs, random() AS rp,
           timestamptz '2024-01-01' + (g::float8 / :tickets) * interval '700 days' + random() * interval '1 hour' AS created_at
    FROM generate_series(1, :tickets) g
  ) x
) s
JOIN seed_requesters r ON r.i = s.requester_i
JOIN seed_agents a ON a.i = s.agent_i
JOIN seed_texts d ON d.i = s.description_i
LEFT JOIN seed_categories c ON c.i = s.category_i;

INSERT INTO participants (ticket_number, user_id, role, can_edit, can_comment, joined_at)
SELECT number, requester_id, 'REQUESTER', true, true, created_at FROM tickets
UNION ALL
SELECT number, assignee_id, 'STAFF', true, true, created_at FROM tickets WHERE assignee_id IS NOT NULL;

-- Messages at seq 2..4: the requester, then the agent (a third of those INTERNAL), then the requester again.
INSERT INTO messages (id, ticket_number, seq, author_id, content, visibility, created_at)
SELECT gen_random_uuid(), m.number, m.k + 1,
       CASE WHEN m.k = 2 THEN coalesce(m.assignee_id, (SELECT id FROM seed_agents WHERE i = 1)) ELSE m.requester_id END,
       x.body,
       CASE WHEN m.k = 2 AND random() < 0.33 THEN 'INTERNAL' ELSE 'PUBLIC' END,
       m.created_at + m.k * interval '1 hour'
FROM (
  SELECT t.number, t.assignee_id, t.requester_id, t.created_at, k, 1 + floor(random() * 20000)::int AS body_i
  FROM tickets t CROSS JOIN generate_series(1, 3) k
) m
JOIN seed_texts x ON x.i = m.body_i;

-- Events in time order, so the audit feed's position follows time as in production.
INSERT INTO events (ticket_number, seq, type, actor_id, visibility, subject_id, payload, created_at)
SELECT ticket_number, seq, type, actor_id, visibility, NULL, payload, created_at FROM (
  SELECT number AS ticket_number, 1 AS seq, 'TICKET_CREATED' AS type, requester_id AS actor_id, 'PUBLIC' AS visibility,
         json_build_object('title', title, 'description', description, 'status', 'OPEN',
                           'priority', (ARRAY['LOW','MEDIUM','HIGH','URGENT'])[priority + 1],
                           'categoryId', category_id, 'requesterId', requester_id)::text AS payload,
         created_at
  FROM tickets
  UNION ALL
  SELECT ticket_number, seq, CASE WHEN visibility = 'INTERNAL' THEN 'INTERNAL_NOTE_ADDED' ELSE 'MESSAGE_POSTED' END,
         author_id, visibility, json_build_object('messageId', id)::text, created_at
  FROM messages
) e
ORDER BY created_at;

INSERT INTO ticket_counters (year, reserved_through) VALUES (2025, :tickets)
ON CONFLICT (year) DO UPDATE SET reserved_through = excluded.reserved_through;

-- What the triggers keep, in bulk.
INSERT INTO ticket_search (number, search) SELECT number, to_tsvector('simple', title || ' ' || description) FROM tickets;
DELETE FROM ticket_counts;
INSERT INTO ticket_counts (archived, status, priority, category_id, assignee_id, tickets)
SELECT archived, status, priority, category_id, assignee_id, COUNT(*) FROM tickets GROUP BY 1, 2, 3, 4, 5;

DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT indexdef FROM seed_indexes LOOP
    EXECUTE r.indexdef;
  END LOOP;
END $$;

RESET session_replication_role;
VACUUM ANALYZE;

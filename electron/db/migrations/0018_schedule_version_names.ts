import { sql, type Kysely } from 'kysely';

// Frozen. A schedule version gets a name the screen words in each language ("Plan #1, arrears in
// 6 installments") instead of the English-ish `reason` it was listed by. `name` is JSON:
// {kind: 'contract' | 'import'}, {kind: 'plan', planId, planType, installments} or
// {kind: 'plan-broken' | 'plan-lapsed', planId}; NULL where nothing better than `reason` is known.
// Existing versions are named from what the book already holds: the plan that made a version
// (its months for arrears installments, else the rows after the carried ones), and the reason
// codes the app wrote for contracts, imports, broken and lapsed plans.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE schedule_versions ADD COLUMN name TEXT`.execute(db);
  await sql`
    UPDATE schedule_versions
       SET name = (
         SELECT json_object(
                  'kind', 'plan',
                  'planId', p.id,
                  'planType', p.type,
                  'installments', CASE p.type
                    WHEN 'arrears-installments' THEN json_extract(p.params, '$.months')
                    ELSE (SELECT count(*) FROM installments i WHERE i.version_id = schedule_versions.id)
                         - p.carried_rows
                  END)
           FROM repayment_plans p
          WHERE p.version_id = schedule_versions.id)
     WHERE id IN (SELECT version_id FROM repayment_plans WHERE version_id IS NOT NULL)`.execute(db);
  // 'plan #12 broken: waiver reversed' and 'plan #12 lapsed': CAST keeps the leading digits.
  await sql`
    UPDATE schedule_versions
       SET name = json_object(
             'kind', CASE WHEN reason LIKE '% lapsed' THEN 'plan-lapsed' ELSE 'plan-broken' END,
             'planId', CAST(substr(reason, 7) AS INTEGER))
     WHERE name IS NULL
       AND (reason LIKE 'plan #% broken: waiver reversed' OR reason LIKE 'plan #% lapsed')`.execute(db);
  await sql`
    UPDATE schedule_versions SET name = json_object('kind', reason)
     WHERE name IS NULL AND reason IN ('contract', 'import')`.execute(db);
}

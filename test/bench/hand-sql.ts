// Pieces of the hand-written SQL both benches compare the app with: plain SQL, the same text on
// SQLite and PostgreSQL.

/** The aging bucket of a days-past-due column, as the app names it (NULL stays NULL). */
export const bucketCase = (dpd: string) =>
  `CASE WHEN ${dpd} IS NULL THEN NULL WHEN ${dpd} <= 0 THEN 'current' WHEN ${dpd} <= 30 THEN '1-30'
        WHEN ${dpd} <= 60 THEN '31-60' WHEN ${dpd} <= 90 THEN '61-90' WHEN ${dpd} <= 180 THEN '91-180' ELSE '181+' END`;

/**
 * CTEs of the LTV section, after a CTE `v` (each item's latest valuation by the date): each
 * active item's value split across the open loans it secures by their principal (in floating
 * point, which the app does exactly).
 */
export const COLLATERAL_SHARES = `k AS (SELECT k.item_id, k.loan_id, i.kind, s.outstanding_principal AS w
                  FROM collateral_links k JOIN collateral_items i ON i.id = k.item_id AND i.status = 'active'
                  JOIN loans l ON l.id = k.loan_id AND l.status IN ('active','restructured','legal','repossessed')
                  JOIN loan_status s ON s.loan_id = k.loan_id),
            t AS (SELECT item_id, sum(w) AS w, count(*) AS n FROM k GROUP BY item_id),
            share AS (SELECT k.loan_id, k.kind,
                             CASE WHEN t.w = 0 THEN v.value * 1.0 / t.n ELSE v.value * 1.0 * k.w / t.w END AS value
                      FROM k JOIN t ON t.item_id = k.item_id JOIN v ON v.item_id = k.item_id)`;

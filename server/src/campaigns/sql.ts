import type { Campaign, CampaignFields, CampaignStatus, Unit } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

const CAMPAIGN_COLUMNS = `id, number, to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", title,
  legal_bases AS "legalBases", purposes, theme, slogans,
  to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn",
  lead_unit_id AS "leadUnitId", signer_member_id AS "signerMemberId", requirements, recipients,
  signer_authority AS "signerAuthority", signer_title AS "signerTitle",
  issuing_body AS "issuingBody", issuing_place AS "issuingPlace", status,
  created_by AS "createdBy", approved_by AS "approvedBy",
  to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "approvedAt", version`;

export async function listCampaigns(db: Queryable, status: CampaignStatus | undefined): Promise<Campaign[]> {
  const { rows } = await db.query<Campaign>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns
      WHERE $1::text IS NULL OR status = $1
      ORDER BY starts_on DESC, created_at DESC LIMIT 200`,
    [status ?? null],
  );
  return rows;
}

export async function findCampaign(db: Queryable, id: string, lock = false): Promise<Campaign | undefined> {
  const { rows } = await db.query<Campaign>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function insertCampaign(
  db: Queryable,
  wardId: string,
  fields: CampaignFields,
  createdBy: string | undefined,
): Promise<Campaign> {
  const { rows } = await db.query<Campaign>(
    `INSERT INTO campaigns (ward_id, number, issued_on, title, legal_bases, purposes, theme, slogans,
                            starts_on, ends_on, lead_unit_id, signer_member_id, requirements, recipients,
                            signer_authority, signer_title, issuing_body, issuing_place,
                            created_by, source_text)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     RETURNING ${CAMPAIGN_COLUMNS}`,
    [wardId, ...fieldValues(fields), createdBy ?? null, fields.sourceText ?? null],
  );
  return rows[0]!;
}

/** The editable fields in the column order both statements below use ($2…$18). The source text is kept as imported. */
function fieldValues(fields: CampaignFields): unknown[] {
  return [
    fields.number ?? null,
    fields.issuedOn ?? null,
    fields.title,
    fields.legalBases ?? [],
    fields.purposes ?? [],
    fields.theme ?? '',
    fields.slogans ?? [],
    fields.startsOn,
    fields.endsOn,
    fields.leadUnitId ?? null,
    fields.signerMemberId ?? null,
    fields.requirements ?? [],
    fields.recipients ?? [],
    fields.signerAuthority ?? null,
    fields.signerTitle ?? null,
    fields.issuingBody?.trim() || null,
    fields.issuingPlace?.trim() || null,
  ];
}

/** Writes the merged fields; an edit of an approved plan sends it back for approval. */
export async function updateCampaign(db: Queryable, id: string, fields: CampaignFields): Promise<Campaign> {
  const { rows } = await db.query<Campaign>(
    `UPDATE campaigns SET number = $2, issued_on = $3, title = $4, legal_bases = $5, purposes = $6,
            theme = $7, slogans = $8, starts_on = $9, ends_on = $10, lead_unit_id = $11,
            signer_member_id = $12, requirements = $13, recipients = $14, signer_authority = $15,
            signer_title = $16, issuing_body = $17, issuing_place = $18, version = version + 1, updated_at = now(),
            status = 'draft', approved_by = NULL, approved_at = NULL
      WHERE id = $1
      RETURNING ${CAMPAIGN_COLUMNS}`,
    [id, ...fieldValues(fields)],
  );
  return rows[0]!;
}

/** The imported document's text, shown to staff beside the plan (kept apart: it can be long). */
export async function findSourceText(db: Queryable, id: string): Promise<string | null> {
  const { rows } = await db.query<{ sourceText: string | null }>(
    'SELECT source_text AS "sourceText" FROM campaigns WHERE id = $1',
    [id],
  );
  return rows[0]?.sourceText ?? null;
}

export async function setCampaignStatus(
  db: Queryable,
  id: string,
  status: CampaignStatus,
  approvedBy?: string,
): Promise<Campaign> {
  const { rows } = await db.query<Campaign>(
    `UPDATE campaigns SET status = $2, version = version + 1, updated_at = now(),
            approved_by = COALESCE($3, approved_by),
            approved_at = CASE WHEN $3::uuid IS NULL THEN approved_at ELSE now() END
      WHERE id = $1
      RETURNING ${CAMPAIGN_COLUMNS}`,
    [id, status, approvedBy ?? null],
  );
  return rows[0]!;
}

/** Of the given unit ids, those that exist in this ward (RLS hides the others), with whether each is in use. */
export async function existingUnits(
  db: Queryable,
  ids: string[],
): Promise<{ id: string; name: string; active: boolean }[]> {
  const { rows } = await db.query<{ id: string; name: string; active: boolean }>(
    'SELECT id, name, active FROM units WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return rows;
}

/** Of the given unit ids, those that exist in this ward (RLS hides the others). */
export async function existingUnitIds(db: Queryable, ids: string[]): Promise<string[]> {
  return (await existingUnits(db, ids)).map((row) => row.id);
}

export async function memberExists(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM members WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

export async function listUnits(db: Queryable): Promise<Unit[]> {
  const { rows } = await db.query<Unit>(
    // Only units in use are offered for new work (task-new, lead unit); set-up lists the stopped ones.
    `SELECT id, kind, name, short_name AS "shortName" FROM units
      WHERE kind <> 'khu_pho' AND active ORDER BY sort_order, name`,
  );
  return rows;
}

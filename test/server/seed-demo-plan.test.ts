/**
 * The demo campaign is the plan importer's reading of the ward's real plan, saved through the import:
 * no hand-typed copy of the plan remains in the seed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFromText } from '../../server/src/imports/service.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const PLAN = readFileSync(new URL('../fixtures/plan-dau-giay-khcn-2026.txt', import.meta.url), 'utf8');

describe('the demo seed runs the importer on the ward’s plan', () => {
  let t: TestApp;
  const query = (sql: string) => t.app.db.withSystem(async (db) => (await db.query(sql)).rows);

  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('stores the draft’s fields, the source text, the signer and lead unit it names, approved and running', async () => {
    const draft = draftFromText(PLAN, 'text');
    const [campaign] = await query(
      `SELECT c.title, c.legal_bases, c.purposes, c.requirements, c.theme, c.slogans, c.recipients,
              c.signer_authority, c.signer_title, c.source_text, c.status, c.starts_on::text, c.ends_on::text,
              lead.name AS lead, signer.full_name AS signer, approver.full_name AS approver
         FROM campaigns c JOIN units lead ON lead.id = c.lead_unit_id
         JOIN members signer ON signer.id = c.signer_member_id JOIN members approver ON approver.id = c.approved_by`,
    );
    expect(campaign).toMatchObject({
      title: draft.title.value,
      legal_bases: draft.legalBases.map((f) => f.value),
      purposes: draft.purposes.map((f) => f.value),
      requirements: draft.requirements.map((f) => f.value),
      theme: draft.theme.value,
      slogans: draft.slogans.map((f) => f.value),
      signer_authority: 'KT. CHỦ TỊCH',
      signer_title: 'PHÓ CHỦ TỊCH',
      source_text: PLAN,
      status: 'active',
      starts_on: '2026-05-18',
      ends_on: '2026-05-24',
      lead: 'Phòng Văn hóa - Xã hội',
      signer: 'Bùi Văn Điệp',
      approver: 'Bùi Văn Điệp',
    });
    // The one correction staff make by hand: the document's "HỖND" is "HĐND".
    expect(campaign.recipients[1]).toBe('Chủ tịch, PCT. HĐND-UBND phường');
    expect(await query(`SELECT action FROM audit_log WHERE action = 'imports.save'`)).toHaveLength(1);
  });

  it('creates the proposed tasks, the teams’ ones for all 17 teams, banners at located places', async () => {
    const draft = draftFromText(PLAN, 'text');
    const tasks = await query(
      `SELECT t.kind, t.title, t.place_name, t.place_lat, t.evidence_photo_count AS photos,
              (SELECT count(*)::int FROM assignments a WHERE a.task_id = t.id) AS assigned
         FROM tasks t ORDER BY t.sort_order`,
    );
    expect(tasks.map((task) => task.title)).toEqual(draft.proposedTasks.map((task) => task.title));
    expect(tasks.find((task) => task.kind === 'loudspeaker')?.assigned).toBe(17);
    expect(tasks.find((task) => task.kind === 'share_post')?.assigned).toBe(17);
    const banners = tasks.filter((task) => task.kind === 'hang_banner');
    expect(banners.map((b) => [b.place_name, b.photos, b.place_lat !== null, b.assigned])).toEqual([
      ['Trụ sở UBND phường', 2, true, 1],
      ['Trung tâm Phục vụ Hành chính công', 1, true, 1],
      ['Phòng Văn hoá – Xã hội', 1, true, 1],
      [null, 1, false, 17],
    ]);
  });
});

/**
 * Everything the three files print, read in one transaction (one round trip) so every figure is from
 * the same moment as the board's own query, which it includes. Plain JSON: the .docx is laid out in a
 * worker thread from exactly this.
 */
import type { Board } from '@loa/shared';
import type { Db } from '../plugins/db.js';
import { loadBoard } from '../tasks/service.js';
import {
  type AnnexPhotoRow,
  type AssignmentRow,
  type BannerPlaceRow,
  type ChannelFiguresRow,
  type LedgerRow,
  type PhotoFiguresRow,
  type PostFiguresRow,
  type ReportHeaderRow,
  selectAnnexPhotos,
  selectAssignments,
  selectBannerPlaces,
  selectChannelFigures,
  selectHeader,
  selectLedger,
  selectPhotoFigures,
  selectPostFigures,
  selectTaskKindFigures,
  selectUnitFigures,
  type TaskKindFiguresRow,
  type UnitFiguresRow,
} from './sql.js';

export interface ReportData {
  header: ReportHeaderRow;
  board: Board;
  units: UnitFiguresRow[];
  kinds: TaskKindFiguresRow[];
  bannerPlaces: BannerPlaceRow[];
  channels: ChannelFiguresRow[];
  posts: PostFiguresRow;
  photos: PhotoFiguresRow;
  annex: AnnexPhotoRow[];
}

/** The report's figures and its photo annex, or undefined when the campaign is not in this ward. */
export async function loadReportData(
  db: Db,
  wardId: string,
  campaignId: string,
): Promise<ReportData | undefined> {
  const [header, board, units, kinds, bannerPlaces, channels, posts, photos, annex] = await db.batchInWard(
    wardId,
    (q) =>
      Promise.all([
        selectHeader(q, campaignId),
        loadBoard(q, campaignId),
        selectUnitFigures(q, campaignId),
        selectTaskKindFigures(q, campaignId),
        selectBannerPlaces(q, campaignId),
        selectChannelFigures(q, campaignId),
        selectPostFigures(q, campaignId),
        selectPhotoFigures(q, campaignId),
        selectAnnexPhotos(q, campaignId),
      ]),
  );
  if (!header.rows[0] || !board) return undefined;
  return {
    header: header.rows[0],
    board,
    units: units.rows,
    kinds: kinds.rows,
    bannerPlaces: bannerPlaces.rows,
    channels: channels.rows,
    posts: posts.rows[0]!,
    photos: photos.rows[0]!,
    annex: annex.rows,
  };
}

/** The spreadsheet's rows: one per unit × task. */
export async function loadAssignmentRows(
  db: Db,
  wardId: string,
  campaignId: string,
): Promise<{ header: ReportHeaderRow; rows: AssignmentRow[] } | undefined> {
  const [header, rows] = await db.batchInWard(wardId, (q) =>
    Promise.all([selectHeader(q, campaignId), selectAssignments(q, campaignId)]),
  );
  return header.rows[0] ? { header: header.rows[0], rows: rows.rows } : undefined;
}

/** The ledger's rows: one per delivery of the campaign's posts. */
export async function loadLedgerRows(
  db: Db,
  wardId: string,
  campaignId: string,
): Promise<{ header: ReportHeaderRow; rows: LedgerRow[] } | undefined> {
  const [header, rows] = await db.batchInWard(wardId, (q) =>
    Promise.all([selectHeader(q, campaignId), selectLedger(q, campaignId)]),
  );
  return header.rows[0] ? { header: header.rows[0], rows: rows.rows } : undefined;
}

import type { Board } from '@loa/shared';
import { inRoleGroup } from '@loa/shared';
import { useParams } from 'react-router-dom';
import { useSnackbar } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { BoardTable } from '../campaigns/board-table';
import { useBoard, useCampaigns, useUrge } from '../campaigns/use-campaigns';
import { ConfirmButton } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { SignInNeeded } from '../components/sign-in-needed';
import { errorText } from '../lib/error-text';

/** Bảng tiến độ: teams × tasks of a campaign (the running one unless a campaign is named). */
export function BoardPage() {
  const { id } = useParams();
  const { session } = useSession();
  if (!session) return <SignInNeeded title="Bảng tiến độ" />;
  const canUrge = inRoleGroup(session.role, 'officeWriters');
  return (
    <PageShell title="Bảng tiến độ" showBack={Boolean(id)}>
      {id ? <CampaignBoard campaignId={id} canUrge={canUrge} /> : <RunningBoard canUrge={canUrge} />}
    </PageShell>
  );
}

/** The board of the plan being carried out now (the newest, if several run at once). */
function RunningBoard({ canUrge }: { canUrge: boolean }) {
  const active = useCampaigns('active');
  return (
    <QueryGate
      query={active}
      isEmpty={(data) => data.campaigns.length === 0}
      empty="Chưa có kế hoạch nào đang triển khai."
    >
      {({ campaigns }) => <CampaignBoard campaignId={campaigns[0]?.id ?? ''} canUrge={canUrge} />}
    </QueryGate>
  );
}

function CampaignBoard({ campaignId, canUrge }: { campaignId: string; canUrge: boolean }) {
  const board = useBoard(campaignId);
  return (
    <QueryGate
      query={board}
      isEmpty={(data) => data.tasks.length === 0}
      empty="Kế hoạch chưa có nhiệm vụ nào."
    >
      {(data) => <BoardView board={data} canUrge={canUrge} />}
    </QueryGate>
  );
}

function BoardView({ board, canUrge }: { board: Board; canUrge: boolean }) {
  const urge = useUrge(board.campaignId);
  const { openSnackbar } = useSnackbar();
  return (
    <>
      <p className="board-summary">
        {board.counts.done}/{board.counts.total} đã báo cáo · {board.counts.acknowledged} đã nhận ·{' '}
        {board.counts.pending} chưa nhận · <strong>{board.counts.overdue} trễ hạn</strong>
      </p>
      {canUrge && board.counts.overdue > 0 ? (
        <ConfirmButton
          title="Nhắc tất cả các tổ trễ hạn?"
          description={`Gửi tin nhắc việc tới các tổ có ${board.counts.overdue} nhiệm vụ trễ hạn.`}
          confirmText="Gửi nhắc"
          variant="secondary"
          loading={urge.isPending}
          onConfirm={() =>
            urge.mutate('all-late', {
              onSuccess: (r) =>
                openSnackbar({ text: `Đã nhắc ${r.teams} tổ (${r.queued} tin mới).`, type: 'success' }),
              onError: (e) => openSnackbar({ text: errorText(e), type: 'error' }),
            })
          }
        >
          Nhắc tất cả tổ trễ hạn
        </ConfirmButton>
      ) : null}
      <BoardTable board={board} />
    </>
  );
}

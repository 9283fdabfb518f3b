import { type Campaign, formatPeriodVi } from '@loa/shared';
import { useNavigate } from 'react-router-dom';
import { Button, useSnackbar } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { useCampaignAction, useCampaigns } from '../campaigns/use-campaigns';
import { ConfirmButton, errorText } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { EmptyView } from '../components/status-views';
import { SignInNeeded } from './tasks';

/** Duyệt: what waits for a leader's approval (campaigns for now; posts arrive with their issue). */
export function ReviewPage() {
  const { session } = useSession();
  const query = useCampaigns('draft');
  if (!session) return <SignInNeeded title="Duyệt" />;
  return (
    <PageShell title="Duyệt">
      <QueryGate query={query}>
        {({ campaigns }) =>
          campaigns.length === 0 ? (
            <EmptyView message="Không có kế hoạch nào chờ duyệt." />
          ) : (
            <ul className="card-list">
              {campaigns.map((c) => (
                <ReviewItem
                  key={c.id}
                  campaign={c}
                  isAuthor={c.createdBy === session.memberId}
                  canApprove={session.role === 'leader'}
                />
              ))}
            </ul>
          )
        }
      </QueryGate>
    </PageShell>
  );
}

function ReviewItem({
  campaign,
  isAuthor,
  canApprove,
}: {
  campaign: Campaign;
  isAuthor: boolean;
  canApprove: boolean;
}) {
  const approve = useCampaignAction(campaign.id);
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  return (
    <li className="card">
      <span className="card-kicker">Kế hoạch chờ duyệt</span>
      <strong>{campaign.title}</strong>
      <span className="card-meta">{formatPeriodVi(campaign.startsOn, campaign.endsOn)}</span>
      {campaign.theme ? <span>“{campaign.theme}”</span> : null}
      <div className="actions">
        <Button
          fullWidth
          size="large"
          variant="tertiary"
          onClick={() => navigate(`/campaigns/${campaign.id}`)}
        >
          Xem chi tiết
        </Button>
        {canApprove && !isAuthor ? (
          <ConfirmButton
            title="Duyệt kế hoạch này?"
            description={`“${campaign.title}” sẽ được duyệt với tên của bạn.`}
            confirmText="Duyệt"
            loading={approve.isPending}
            onConfirm={() =>
              approve.mutate('approve', {
                onSuccess: () => openSnackbar({ text: 'Đã duyệt kế hoạch.', type: 'success' }),
                onError: (e) => openSnackbar({ text: errorText(e), type: 'error' }),
              })
            }
          >
            Duyệt
          </ConfirmButton>
        ) : canApprove ? (
          <p className="detail-meta">Bạn là người soạn kế hoạch này nên không tự duyệt được.</p>
        ) : null}
      </div>
    </li>
  );
}

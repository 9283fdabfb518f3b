import { formatPeriodVi } from '@loa/shared';
import { useNavigate } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { useCampaigns } from '../campaigns/use-campaigns';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { EmptyView } from '../components/status-views';
import { campaignStatusLabels } from '../tasks/labels';
import { SignInNeeded } from './tasks';

/** Chiến dịch: every plan of the ward, newest first. Staff create new ones here. */
export function CampaignsPage() {
  const { session } = useSession();
  const query = useCampaigns();
  const navigate = useNavigate();
  if (!session) return <SignInNeeded title="Chiến dịch" />;
  const canWrite = session.role === 'staff' || session.role === 'admin';
  return (
    <PageShell title="Chiến dịch">
      {canWrite ? (
        <div className="actions top">
          <Button fullWidth size="large" onClick={() => navigate('/campaigns/new')}>
            Tạo kế hoạch mới
          </Button>
        </div>
      ) : null}
      <QueryGate query={query}>
        {({ campaigns }) =>
          campaigns.length === 0 ? (
            <EmptyView message="Chưa có kế hoạch nào." />
          ) : (
            <ul className="card-list">
              {campaigns.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="card-button"
                    onClick={() => navigate(`/campaigns/${c.id}`)}
                  >
                    <span className="card-kicker">{campaignStatusLabels[c.status]}</span>
                    <strong>{c.title}</strong>
                    <span className="card-meta">{formatPeriodVi(c.startsOn, c.endsOn)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryGate>
    </PageShell>
  );
}

import { formatPeriodVi } from '@loa/shared';
import { SessionBar } from '../auth/session-bar';
import { campaignStatusLabel } from '../campaigns/status';
import { type PublicCampaign, usePublicCampaign } from '../campaigns/use-public-campaign';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { EmptyView } from '../components/status-views';
import { SentPostList } from '../residents/sent-post-list';

/**
 * Trang chủ: what the ward is talking about this week and the posts it has SENT (never drafts or posts
 * waiting for their time), readable by anyone, for the ward the link names (`?ward=`).
 */
export function HomePage() {
  const query = usePublicCampaign();

  return (
    <PageShell title="Loa Phường">
      <SessionBar />
      <QueryGate query={query} lastKnown>
        {({ ward, campaign, posts }) => (
          <>
            <h1 className="ward-name">{ward.name}</h1>
            {campaign ? (
              <CampaignCard campaign={campaign} />
            ) : (
              <EmptyView message="Chưa có kế hoạch nào đang diễn ra." />
            )}
            <SentPostList posts={posts} />
          </>
        )}
      </QueryGate>
    </PageShell>
  );
}

function CampaignCard({ campaign }: { campaign: PublicCampaign }) {
  return (
    <article className="campaign-card" aria-labelledby="campaign-title">
      <span className="campaign-status">{campaignStatusLabel(campaign)}</span>
      <h2 id="campaign-title">{campaign.title}</h2>
      <dl>
        {campaign.number ? (
          <div className="campaign-field">
            <dt>Số văn bản</dt>
            <dd>{campaign.number}</dd>
          </div>
        ) : null}
        <div className="campaign-field">
          <dt>Chủ đề</dt>
          <dd className="campaign-theme">“{campaign.theme}”</dd>
        </div>
        {campaign.slogans.length > 0 ? (
          <div className="campaign-field">
            <dt>Khẩu hiệu</dt>
            <dd>
              <ul className="campaign-slogans">
                {campaign.slogans.map((slogan, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two slogans may read the same; the list never reorders
                  <li key={index}>{slogan}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div className="campaign-field">
          <dt>Thời gian</dt>
          <dd>{formatPeriodVi(campaign.startsOn, campaign.endsOn)}</dd>
        </div>
      </dl>
    </article>
  );
}

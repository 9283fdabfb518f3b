import { formatDateTimeVi } from '@loa/shared';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../auth/use-session';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { EmptyView } from '../components/status-views';
import { assignmentStatusLabels, taskKindLabels } from '../tasks/labels';
import { useMyAssignments } from '../tasks/use-assignments';

/** Nhiệm vụ: my team's tasks, unfinished first, with status and due time. */
export function TasksPage() {
  const { session } = useSession();
  const query = useMyAssignments();
  const navigate = useNavigate();
  if (!session) return <SignInNeeded title="Nhiệm vụ" />;
  return (
    <PageShell title="Nhiệm vụ">
      <QueryGate query={query}>
        {({ assignments }) =>
          assignments.length === 0 ? (
            <EmptyView message="Tổ của bạn chưa có nhiệm vụ nào." />
          ) : (
            <ul className="card-list">
              {assignments.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    className="card-button"
                    onClick={() => navigate(`/assignments/${a.id}`)}
                  >
                    <span className="card-kicker">{taskKindLabels[a.kind]}</span>
                    <strong>{a.title}</strong>
                    <span className="card-meta">
                      <span className={`status-chip status-${a.overdue ? 'overdue' : a.status}`}>
                        {a.overdue ? 'Trễ hạn' : assignmentStatusLabels[a.status]}
                      </span>
                      Hạn {formatDateTimeVi(a.dueAt)}
                    </span>
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

export function SignInNeeded({ title }: { title: string }) {
  return (
    <PageShell title={title}>
      <EmptyView message="Bạn cần đăng nhập bằng Zalo để xem mục này." />
    </PageShell>
  );
}

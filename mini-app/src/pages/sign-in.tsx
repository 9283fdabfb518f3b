import { ROLE_NAMES_VI, type Role } from '@loa/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { returnPath } from '../auth/return-to';
import { useInviteSignIn, useSignIn } from '../auth/use-session';
import { PageShell } from '../components/page-shell';
import { ErrorView, LoadingView } from '../components/status-views';
import { errorText } from '../lib/error-text';
import { request } from '../lib/request';
import { matchesSearch } from '../lib/search-text';
import { getZaloAccessToken, getZaloPhoneToken, isInsideZalo } from '../lib/zalo';

interface SimPeople {
  units: {
    unitName: string;
    people: { memberId: string | null; oaUserId: string; name: string; role: string }[];
  }[];
}

/** Đăng nhập: with the Zalo token inside Zalo; in a desktop browser, a picker of the simulator's people. */
export default function SignInPage() {
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [message, setMessage] = useState('');
  const [params] = useSearchParams();
  // Back to the screen that asked for a session (SignInNeeded), else Trang chủ.
  const next = returnPath(params);

  async function withZalo() {
    setMessage('');
    const accessToken = await getZaloAccessToken();
    if (!accessToken) return setMessage('Zalo chưa cấp quyền đăng nhập. Hãy mở lại mini app và cho phép.');
    let reply = await signIn.mutateAsync({ accessToken });
    // First sign-in: we know the person by phone only, so ask Zalo for it (single-use token).
    if (reply.member.role === 'resident') {
      const phoneToken = await getZaloPhoneToken();
      if (phoneToken) reply = await signIn.mutateAsync({ accessToken, phoneToken });
    }
    navigate(next, { replace: true });
  }

  async function asSimulated(personId: string) {
    setMessage('');
    const tokens = await request<{ accessToken: string }>(
      `/sim/api/people/${encodeURIComponent(personId)}/tokens`,
      { method: 'POST' },
    );
    await signIn.mutateAsync({ accessToken: tokens.accessToken });
    navigate(next, { replace: true });
  }

  const invite = params.get('invite');
  if (invite) return <InviteSignIn invite={invite} />;

  const failed = signIn.error ? errorText(signIn.error) : message;
  return (
    <PageShell title="Đăng nhập" showBack>
      {failed ? (
        <p className="form-error" role="alert">
          {failed}
        </p>
      ) : null}
      {isInsideZalo() ? (
        <Button
          fullWidth
          loading={signIn.isPending}
          onClick={() => void withZalo().catch((e: unknown) => setMessage(errorText(e)))}
        >
          Đăng nhập bằng Zalo
        </Button>
      ) : (
        <DevPicker
          busy={signIn.isPending}
          onPick={(id) => void asSimulated(id).catch((e: unknown) => setMessage(errorText(e)))}
        />
      )}
    </PageShell>
  );
}

/** Development only: the server answers /sim/api/people only when ZALO_MODE=simulator. */
function DevPicker({ busy, onPick }: { busy: boolean; onPick: (personId: string) => void }) {
  const [search, setSearch] = useState('');
  const people = useQuery({
    queryKey: ['sim-people'],
    queryFn: ({ signal }) => request<SimPeople>('/sim/api/people', { signal }),
  });
  if (people.isPending) return <LoadingView />;
  if (people.isError) {
    return (
      <ErrorView
        message="Hãy mở Loa Phường trong ứng dụng Zalo để đăng nhập."
        onRetry={() => void people.refetch()}
        retrying={people.isFetching}
      />
    );
  }
  const roleName = (role: string) => ROLE_NAMES_VI[role as Role] ?? role;
  // Some 3,500 px of names: a search by name, unit or role, with or without marks.
  const units = people.data.units
    .map((unit) => ({
      ...unit,
      people: unit.people.filter((person) =>
        matchesSearch(search, [person.name, unit.unitName, roleName(person.role)]),
      ),
    }))
    .filter((unit) => unit.people.length > 0);
  const found = units.reduce((sum, unit) => sum + unit.people.length, 0);
  return (
    <div className="dev-picker">
      <p>Chế độ thử nghiệm: chọn một người để đăng nhập thay họ.</p>
      <div className="dev-search">
        <label htmlFor="dev-search">Tìm theo tên, đơn vị hoặc vai trò</label>
        <input
          id="dev-search"
          type="search"
          placeholder="Ví dụ: Nhi, khu phố 2, cán bộ"
          autoComplete="off"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <small role="status">
          {search.trim()
            ? found
              ? `${found} người khớp`
              : `Không có ai khớp “${search.trim()}”. Thử tên không dấu hoặc chỉ một từ.`
            : ''}
        </small>
      </div>
      {units.map((unit) => (
        <section key={unit.unitName}>
          <h2>{unit.unitName}</h2>
          {unit.people.map((person) => (
            <button
              type="button"
              key={person.oaUserId}
              className="dev-person"
              disabled={busy}
              onClick={() => onPick(person.memberId ?? person.oaUserId)}
            >
              <span>{person.name}</span>
              <small>{roleName(person.role)}</small>
            </button>
          ))}
        </section>
      ))}
    </div>
  );
}

/**
 * A sign-in link from the ward (`#/sign-in?invite=…`): the Zalo account opening it becomes that member's.
 * Outside Zalo (development) the simulator makes a Zalo user for it.
 */
function InviteSignIn({ invite }: { invite: string }) {
  const navigate = useNavigate();
  const signIn = useInviteSignIn();
  const [message, setMessage] = useState('');
  async function accept() {
    setMessage('');
    const accessToken = isInsideZalo()
      ? await getZaloAccessToken()
      : (
          await request<{ accessToken: string }>('/sim/api/people', {
            method: 'POST',
            body: { name: 'Người được mời' },
          })
        ).accessToken;
    if (!accessToken) return setMessage('Zalo chưa cấp quyền đăng nhập. Hãy mở lại mini app và cho phép.');
    await signIn.mutateAsync({ invite, accessToken });
    // The link is used: drop it from the address, or the hash deep link would open it again.
    window.history.replaceState(null, '', window.location.pathname);
    navigate('/', { replace: true });
  }
  const failed = signIn.error ? errorText(signIn.error) : message;
  return (
    <PageShell title="Đăng nhập" showBack>
      <p>Phường đã gửi bạn liên kết đăng nhập. Bấm nút dưới đây để liên kết tài khoản Zalo của bạn.</p>
      {failed ? (
        <p className="form-error" role="alert">
          {failed}
        </p>
      ) : null}
      <Button
        fullWidth
        loading={signIn.isPending}
        onClick={() => void accept().catch((e: unknown) => setMessage(errorText(e)))}
      >
        Đăng nhập bằng liên kết
      </Button>
    </PageShell>
  );
}

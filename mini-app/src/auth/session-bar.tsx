import { inRoleGroup, ROLE_NAMES_VI, type Role } from '@loa/shared';
import { useNavigate } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { ConfirmButton } from '../components/confirm-button';
import { greeting } from './greeting';
import { useMe, useSession, useSignOut } from './use-session';

/** Who is signed in (from GET /api/me), or the way to sign in. */
export function SessionBar() {
  const { session } = useSession();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!session) {
    return (
      <div className="session-bar">
        <span>Cán bộ và thành viên tổ: đăng nhập để xem nhiệm vụ.</span>
        <Button size="small" onClick={() => navigate('/sign-in')}>
          Đăng nhập
        </Button>
      </div>
    );
  }
  const fresh = me.data?.member ?? session.member;
  // A resident's name is Zalo's profile name, which only the sign-in reply carries.
  const member = fresh.role === 'resident' ? { ...fresh, fullName: session.member.fullName } : fresh;
  return (
    <div className="session-bar">
      <span>
        <strong className="session-greeting">{greeting(member)}</strong>
        <br />
        <small>
          <span className="session-name">{member.fullName}</span>
          {` · ${ROLE_NAMES_VI[member.role as Role]}`}
          {member.unitName ? ` · ${member.unitName}` : ''}
        </small>
      </span>
      {inRoleGroup(member.role, 'office') ? (
        // Offices have tasks of their own (the banner at the UBND, the articles): no tab, a button here.
        <Button size="small" variant="tertiary" onClick={() => navigate('/tasks')}>
          Việc đơn vị
        </Button>
      ) : null}
      {inRoleGroup(member.role, 'officeWriters') ? (
        <Button size="small" variant="tertiary" onClick={() => navigate('/setup')}>
          Thiết lập
        </Button>
      ) : member.role === 'leader' ? (
        <Button size="small" variant="tertiary" onClick={() => navigate('/audit')}>
          Nhật ký
        </Button>
      ) : null}
      <ConfirmButton
        size="medium"
        variant="tertiary"
        fullWidth={false}
        title="Đăng xuất khỏi Loa Phường?"
        description="Phiên đăng nhập trên điện thoại này sẽ kết thúc. Ảnh đang chờ gửi vẫn được giữ; lần sau hãy đăng nhập lại bằng Zalo để tiếp tục."
        confirmText="Đăng xuất"
        loading={signOut.isPending}
        onConfirm={() => signOut.mutate()}
      >
        Đăng xuất
      </ConfirmButton>
    </div>
  );
}

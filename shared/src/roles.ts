/** Who someone is in the ward, and the name a person reads for it. */
export const ROLES = ['admin', 'staff', 'leader', 'team_lead', 'team_member', 'resident'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES_VI: Record<Role, string> = {
  admin: 'Quản trị',
  staff: 'Cán bộ',
  leader: 'Lãnh đạo',
  team_lead: 'Tổ trưởng',
  team_member: 'Thành viên tổ',
  resident: 'Người dân',
};

/** Roles of a community digital team (tổ công nghệ số cộng đồng). */
export const TEAM_ROLES = ['team_lead', 'team_member'] as const satisfies readonly Role[];
/** Roles of the ward office: they run campaigns, see every team's work. */
export const OFFICE_ROLES = ['admin', 'staff', 'leader'] as const satisfies readonly Role[];

export function isTeamRole(role: Role): role is (typeof TEAM_ROLES)[number] {
  return (TEAM_ROLES as readonly Role[]).includes(role);
}

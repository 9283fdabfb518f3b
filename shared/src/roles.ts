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

/**
 * Who may call a group of routes, by name. The server guards route groups with these (server/src/http)
 * and the mini app may show or hide what a role cannot use.
 */
export const ROLE_GROUPS = {
  /** The ward office: reads every campaign, task, post and report. */
  office: OFFICE_ROLES,
  /** The office's writers: campaigns, tasks, imports. */
  officeWriters: ['admin', 'staff'],
  /** Leaders approve campaigns and posts (never their own post). */
  leaders: ['leader'],
  /** Members of a community digital team. */
  team: TEAM_ROLES,
  /** The teams and the staff who act for them: share tasks, photo uploads. */
  teamWork: ['team_lead', 'team_member', 'staff', 'admin'],
  /** Everyone on the ward's side, residents excepted. */
  members: ['admin', 'staff', 'leader', 'team_lead', 'team_member'],
} as const satisfies Record<string, readonly Role[]>;
export type RoleGroup = keyof typeof ROLE_GROUPS;

/** Whether `role` is one of a group's roles: the one way both sides ask "may this role do that". */
export function inRoleGroup(role: Role | undefined, group: RoleGroup): boolean {
  return role !== undefined && (ROLE_GROUPS[group] as readonly Role[]).includes(role);
}

/**
 * The name the server gives a resident when Zalo gave no profile name; the mini app greets nobody by
 * it ("Chào Người dân" reads as a form letter).
 */
export const RESIDENT_STAND_IN_NAME = ROLE_NAMES_VI.resident;

import { describe, expect, it } from 'vitest';
import { inRoleGroup, isTeamRole, ROLE_GROUPS, ROLES } from './roles.js';

describe('role groups', () => {
  it('lets the office writers write and the leader only read and approve', () => {
    expect(inRoleGroup('staff', 'officeWriters')).toBe(true);
    expect(inRoleGroup('admin', 'officeWriters')).toBe(true);
    expect(inRoleGroup('leader', 'officeWriters')).toBe(false);
    expect(inRoleGroup('leader', 'office')).toBe(true);
    expect(inRoleGroup('team_lead', 'office')).toBe(false);
  });

  it('never puts a resident, or nobody signed in, in a group', () => {
    for (const group of Object.keys(ROLE_GROUPS) as (keyof typeof ROLE_GROUPS)[]) {
      expect(inRoleGroup('resident', group)).toBe(false);
      expect(inRoleGroup(undefined, group)).toBe(false);
    }
  });

  it('agrees with isTeamRole on the team group', () => {
    for (const role of ROLES) expect(inRoleGroup(role, 'team')).toBe(isTeamRole(role));
  });
});

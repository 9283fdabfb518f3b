import { MEMBER_ROLES, type MemberRole, ROLE_NAMES_VI } from '@loa/shared';
import { SelectField } from '../components/form-fields';

/** A member's role, by its Vietnamese name; `roles` narrows the choice (only an admin offers "Quản trị"). */
export function RoleSelect(props: {
  value: string;
  onChange: (role: MemberRole) => void;
  roles?: readonly MemberRole[];
}) {
  return (
    <SelectField label="Vai trò" value={props.value} onChange={(role) => props.onChange(role as MemberRole)}>
      {(props.roles ?? MEMBER_ROLES).map((role) => (
        <option key={role} value={role}>
          {ROLE_NAMES_VI[role]}
        </option>
      ))}
    </SelectField>
  );
}

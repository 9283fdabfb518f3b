import { type MemberProfile, RESIDENT_STAND_IN_NAME } from '@loa/shared';

/**
 * The name a Vietnamese full name is called by: its last word ("Nguyễn Thị Nhi" → "Nhi"), leaving out
 * a note in brackets ("Bùi Văn Điệp (PCT)" → "Điệp").
 */
export function givenName(fullName: string): string {
  const words = fullName
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words.at(-1) ?? '';
}

/**
 * The top bar's greeting. A member (whose name the ward typed in full) by their given name, with
 * "anh/chị" since the app does not know which; a resident by Zalo's profile name as it is, since a
 * profile name ("Minh Anh 🌸", "Cô Ba bán rau") is often not a full name at all.
 */
export function greeting(member: Pick<MemberProfile, 'fullName' | 'role'>): string {
  const name = member.fullName.trim();
  if (member.role === 'resident')
    return name && name !== RESIDENT_STAND_IN_NAME ? `Chào ${name}` : 'Xin chào';
  const given = givenName(name);
  return given ? `Chào anh/chị ${given}` : 'Xin chào';
}

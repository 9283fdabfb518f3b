/**
 * The demo ward as set up before any plan: its units, 17 khu phố with their digital teams, people and
 * Zalo groups. The campaign itself comes from the ward's plan through the importer (demo-plan.ts).
 */
export const DEMO_WARD = {
  slug: 'dau-giay',
  name: 'Phường Dầu Giây',
  placeName: 'Dầu Giây',
  level: 'phuong',
  province: 'Đồng Nai',
  // The ward's area, approximated as a circle around the Dầu Giây junction.
  centerLat: 10.9419,
  centerLng: 107.1408,
  radiusM: 6000,
  zaloOaId: '4318217340012271453',
} as const;

export const KHU_PHO_COUNT = 17;

/** Units other than the khu phố and their teams. */
export const DEMO_UNITS = [
  { key: 'leadership', kind: 'leadership', name: 'Lãnh đạo UBND phường', shortName: 'UBND' },
  { key: 'vhxh', kind: 'department', name: 'Phòng Văn hóa - Xã hội', shortName: 'VHXH' },
  { key: 'dvth', kind: 'service_center', name: 'Trung tâm Dịch vụ tổng hợp', shortName: 'TTDVTH' },
  { key: 'hcc', kind: 'service_center', name: 'Trung tâm Phục vụ hành chính công', shortName: 'TTPVHCC' },
] as const;

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Quốc', 'Thu'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hòa',
  'Hùng',
  'Khoa',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
];

/** Deterministic names, so screenshots and tests read the same every run. */
export function demoPersonName(index: number): string {
  return `${FAMILY[index % FAMILY.length]} ${MIDDLE[(index * 3) % MIDDLE.length]} ${GIVEN[(index * 7) % GIVEN.length]}`;
}

/** Zalo ids are numeric strings beyond 2^53; ours are deterministic per person. */
export function demoZaloIds(index: number): { appUserId: string; oaUserId: string; phone: string } {
  const n = String(index).padStart(4, '0');
  return {
    appUserId: `58126430079${n}1234`,
    oaUserId: `91730055128${n}4321`,
    phone: `849${String(10_000_000 + index).padStart(8, '0')}`,
  };
}

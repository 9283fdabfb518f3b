/**
 * The demo ward, encoded by hand from the ward's real plan (plan-dau-giay-khcn-2026.txt beside this
 * file). The plan importer (a later feature) must produce the same campaign from that text.
 */
import { wardInstant } from '@loa/shared';

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

export const DEMO_CAMPAIGN = {
  number: null,
  title: 'Hưởng ứng ngày Khoa học, Công nghệ và Đổi mới sáng tạo trên địa bàn Phường Dầu Giây',
  legalBases: [
    'Căn cứ công văn số 2712/BKHCN-VP ngày 29/4/2026 của Bộ Khoa học và Công nghệ hướng dẫn tổ chức các hoạt động hưởng ứng Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam',
    'Thực hiện văn bản số 413/SKHCN-VP ngày 13/5/2026 về việc triển khai hướng dẫn tổ chức các hoạt động hưởng ứng ngày Khoa học, Công nghệ và đổi mới sáng tạo',
  ],
  purposes: [
    'Tuyên truyền sâu rộng mục đích, ý nghĩa của Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam (18/5); nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và Nhân dân về vai trò của khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trong phát triển kinh tế - xã hội.',
    'Tuyên truyền, phổ biến các kết quả, mô hình, giải pháp ứng dụng khoa học công nghệ, chuyển đổi số trong hoạt động quản lý nhà nước, cải cách hành chính và phục vụ người dân trên địa bàn.',
    'Khuyến khích phong trào thi đua, sáng kiến, đổi mới sáng tạo; góp phần thúc đẩy chuyển đổi số, xây dựng chính quyền số, kinh tế số và xã hội số tại địa phương.',
  ],
  requirements: [
    'Tổ chức các hoạt động thiết thực, hiệu quả, tiết kiệm; gắn với nhiệm vụ chính trị, chuyên môn và điều kiện thực tiễn của địa phương.',
    'Đảm bảo sự phối hợp chặt chẽ giữa các cơ quan, đơn vị, khu phố trong quá trình triển khai thực hiện.',
  ],
  theme:
    'Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số - Động lực chính của mô hình tăng trưởng mới',
  slogans: ['Nhiệt liệt chào mừng Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam 18/5'],
  startsOn: '2026-05-18',
  endsOn: '2026-05-24',
  signerAuthority: 'KT. CHỦ TỊCH',
  signerTitle: 'PHÓ CHỦ TỊCH',
  recipients: [
    'Sở KH&CN TP Đồng Nai',
    'Chủ tịch, PCT. HĐND-UBND phường',
    'Chánh, Phó Chánh VP HĐND-UBND phường',
    'Các đơn vị sự nghiệp',
    'Lưu: VT (Nhi)',
  ],
};

/** Units other than the khu phố and their teams. `key` is how the tasks below refer to them. */
export const DEMO_UNITS = [
  { key: 'leadership', kind: 'leadership', name: 'Lãnh đạo UBND phường', shortName: 'UBND' },
  { key: 'vhxh', kind: 'department', name: 'Phòng Văn hóa - Xã hội', shortName: 'VHXH' },
  { key: 'dvth', kind: 'service_center', name: 'Trung tâm Dịch vụ tổng hợp', shortName: 'TTDVTH' },
  { key: 'hcc', kind: 'service_center', name: 'Trung tâm Phục vụ hành chính công', shortName: 'TTPVHCC' },
] as const;

export type UnitKey = (typeof DEMO_UNITS)[number]['key'] | 'all_teams';

/** The plan's tasks, due at the ward's local times. */
export const DEMO_TASKS: {
  kind: 'share_post' | 'loudspeaker' | 'hang_banner' | 'meeting' | 'article' | 'custom';
  title: string;
  description: string;
  dueAt: string;
  assignTo: UnitKey[];
  photos?: number;
  locationRequired?: boolean;
  numberLabel?: string;
  place?: { name: string; lat: number; lng: number; radiusM: number };
}[] = [
  {
    kind: 'loudspeaker',
    title: 'Phát thanh tuyên truyền trên hệ thống loa truyền thanh thông minh',
    description:
      'Phát bài tuyên truyền về ý nghĩa Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam (18/5) trên loa của khu phố, sáng và chiều mỗi ngày.',
    dueAt: wardInstant('2026-05-24', '17:00').toISOString(),
    assignTo: ['all_teams'],
    numberLabel: 'Số lần phát thanh',
  },
  {
    kind: 'share_post',
    title: 'Chia sẻ bài tuyên truyền vào nhóm Zalo khu phố',
    description: 'Chia sẻ các bài đăng của phường vào nhóm Zalo của khu phố ngay khi có nhiệm vụ chia sẻ.',
    dueAt: wardInstant('2026-05-24', '20:00').toISOString(),
    assignTo: ['all_teams'],
  },
  {
    kind: 'hang_banner',
    title: 'Treo băng rôn, khẩu hiệu hưởng ứng tại khu phố',
    description:
      'Treo băng rôn với khẩu hiệu “Nhiệt liệt chào mừng Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam 18/5” tại khu vực phù hợp của khu phố và chụp ảnh minh chứng.',
    dueAt: wardInstant('2026-05-17', '17:00').toISOString(),
    assignTo: ['all_teams'],
    photos: 1,
    locationRequired: true,
  },
  {
    kind: 'hang_banner',
    title: 'Treo băng rôn tại trụ sở UBND phường',
    description: 'Treo băng rôn, khẩu hiệu hưởng ứng tại trụ sở UBND phường.',
    dueAt: wardInstant('2026-05-17', '17:00').toISOString(),
    assignTo: ['dvth'],
    photos: 2,
    locationRequired: true,
    place: { name: 'Trụ sở UBND phường Dầu Giây', lat: 10.9419, lng: 107.1408, radiusM: 150 },
  },
  {
    kind: 'hang_banner',
    title: 'Treo băng rôn tại Trung tâm Phục vụ hành chính công',
    description: 'Treo băng rôn, khẩu hiệu hưởng ứng tại Trung tâm Phục vụ hành chính công.',
    dueAt: wardInstant('2026-05-17', '17:00').toISOString(),
    assignTo: ['dvth'],
    photos: 1,
    locationRequired: true,
    place: {
      name: 'Trung tâm Phục vụ hành chính công phường Dầu Giây',
      lat: 10.9426,
      lng: 107.1399,
      radiusM: 150,
    },
  },
  {
    kind: 'hang_banner',
    title: 'Treo băng rôn tại Phòng Văn hóa - Xã hội',
    description: 'Treo băng rôn, khẩu hiệu hưởng ứng tại Phòng Văn hóa - Xã hội.',
    dueAt: wardInstant('2026-05-17', '17:00').toISOString(),
    assignTo: ['vhxh'],
    photos: 1,
    locationRequired: true,
    place: { name: 'Phòng Văn hóa - Xã hội phường Dầu Giây', lat: 10.9415, lng: 107.1412, radiusM: 150 },
  },
  {
    kind: 'article',
    title: 'Đăng tin, bài trên Trang thông tin điện tử phường',
    description:
      'Tăng cường thông tin, bài viết tuyên truyền về vai trò của khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số.',
    dueAt: wardInstant('2026-05-18', '17:00').toISOString(),
    assignTo: ['dvth'],
  },
  {
    kind: 'article',
    title: 'Tuyên truyền trên mạng xã hội của phường',
    description:
      'Đăng bài tuyên truyền về Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam trên trang mạng xã hội của phường.',
    dueAt: wardInstant('2026-05-18', '17:00').toISOString(),
    assignTo: ['dvth'],
  },
  {
    kind: 'meeting',
    title: 'Lồng ghép nội dung tuyên truyền trong các cuộc họp, sinh hoạt cơ quan, đoàn thể',
    description:
      'Lồng ghép nội dung tuyên truyền; khuyến khích cán bộ, công chức, đoàn viên, hội viên ứng dụng công nghệ số, nâng cao kỹ năng số.',
    dueAt: wardInstant('2026-05-24', '17:00').toISOString(),
    assignTo: ['vhxh', 'dvth'],
  },
];

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

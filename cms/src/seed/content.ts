/**
 * Demo content for a fictional district portal, "huyện Tân Hòa": original text written for this
 * project. The writer (seed.ts) turns it into documents; keys here are what makes a second run
 * find what the first one created.
 */
import type { DemoPhoto } from './photos';
import type { CreditRole } from '../newsroom/roles';

export interface DemoCategory {
  name: string;
  description: string;
  position: number;
}

export interface DemoPerson {
  name: string;
  jobTitle: string;
  bio?: string;
}

export type DemoCredit = { role: Exclude<CreditRole, 'source'>; person: string } | { role: 'source'; outlet: string };

export interface DemoPhotoUse {
  /** Key of a DemoPhoto; one picture may be used by several articles, each with its own caption. */
  photo: string;
  caption: string;
  /** Who is credited ("Lê Tính", "TTXVN"); the site prints the "Ảnh:" label. */
  credit: string;
}

/** A paragraph (string; "## " starts a sub-heading) or a photo between paragraphs. */
export type DemoBodyPart = string | DemoPhotoUse;

export interface DemoArticle {
  sourceKey: string;
  title: string;
  sapo: string;
  category: string;
  tags: string[];
  byline: DemoCredit[];
  /** ISO date with the Vietnam offset; a draft has none yet. */
  publicationDate?: string;
  /** A unit's name; matched to UNITS (or a unit made from it) by lib/unit-name.ts. */
  unit: string;
  featured?: boolean;
  cover: DemoPhotoUse;
  body: DemoBodyPart[];
  gallery?: DemoPhotoUse[];
  /** Left as a draft: what an editor is still working on. */
  draft?: boolean;
}

export const SITE_SETTINGS = {
  portalName: 'Cổng thông tin điện tử huyện Tân Hòa',
  unit: 'Huyện ủy - UBND huyện Tân Hòa',
  baseUrl: 'https://tanhoa.example.vn',
  contactEmail: 'banbientap@tanhoa.example.vn',
  contactPhone: '0277 3800 000',
  address: 'Số 1 đường Trần Hưng Đạo, thị trấn Tân Hòa, huyện Tân Hòa',
  footerText:
    'Cơ quan chủ quản: Huyện ủy - UBND huyện Tân Hòa. Chịu trách nhiệm nội dung: Trưởng Ban Biên tập. ' +
    'Ghi rõ nguồn "Cổng thông tin điện tử huyện Tân Hòa" khi phát hành lại thông tin từ website này. ' +
    'Đây là dữ liệu mẫu, huyện Tân Hòa là địa danh giả định.',
};

export interface DemoUnit {
  name: string;
  kind: string;
  /** ISO dates. */
  activeFrom?: string;
  activeUntil?: string;
  /** Name of the unit that took over. */
  successor?: string;
  description: string;
}

/**
 * The district was dissolved on 1 July 2025 (two-level local government): its Party committee's
 * articles stay on the portal as archives of a former unit, pointing to the commune's. Successors
 * come first, so each exists when its predecessor is written.
 */
export const UNITS: DemoUnit[] = [
  { name: 'Đảng ủy xã Tân Hòa', kind: 'Đảng ủy xã', activeFrom: '2025-07-01', description: 'Ban Chấp hành Đảng bộ xã Tân Hòa, thành lập từ ngày 1/7/2025 khi sắp xếp đơn vị hành chính hai cấp.' },
  { name: 'UBND xã Tân Hòa', kind: 'UBND xã', activeFrom: '2025-07-01', description: 'Ủy ban nhân dân xã Tân Hòa, cơ quan hành chính nhà nước ở địa phương từ ngày 1/7/2025.' },
  {
    name: 'Huyện ủy Tân Hòa',
    kind: 'Huyện ủy',
    activeFrom: '2015-10-01',
    activeUntil: '2025-06-30',
    successor: 'Đảng ủy xã Tân Hòa',
    description: 'Ban Chấp hành Đảng bộ huyện Tân Hòa. Kết thúc hoạt động ngày 30/6/2025 khi không còn cấp huyện; tin bài được lưu giữ tại đây.',
  },
];

export const CATEGORIES: DemoCategory[] = [
  { name: 'Tin tức - Sự kiện', description: 'Hoạt động của lãnh đạo huyện, các ngành, các xã, thị trấn.', position: 10 },
  { name: 'Xây dựng Đảng', description: 'Công tác xây dựng Đảng, kiểm tra, giám sát, dân vận.', position: 20 },
  { name: 'Kinh tế', description: 'Nông nghiệp, công thương, đô thị, đầu tư trên địa bàn huyện.', position: 30 },
  { name: 'Văn hóa - Xã hội', description: 'Giáo dục, y tế, văn hóa, thể thao, an sinh xã hội.', position: 40 },
];

export const PEOPLE: DemoPerson[] = [
  { name: 'Lê Tính', jobTitle: 'Phóng viên ảnh, Trung tâm Văn hóa - Thể thao và Truyền thanh huyện' },
  { name: 'Minh Khoa', jobTitle: 'Phóng viên, Trung tâm Văn hóa - Thể thao và Truyền thanh huyện' },
  { name: 'Thanh Tâm', jobTitle: 'Biên tập viên, Ban Biên tập Cổng thông tin điện tử huyện' },
  { name: 'Ngọc Hân', jobTitle: 'Phóng viên, Trung tâm Văn hóa - Thể thao và Truyền thanh huyện' },
  { name: 'Trần Văn Đức', jobTitle: 'Chuyên viên Ban Tuyên giáo Huyện ủy', bio: 'Cộng tác viên mảng xây dựng Đảng.' },
  { name: 'Phạm Thị Diễm', jobTitle: 'Cộng tác viên, Phòng Giáo dục và Đào tạo huyện' },
];

export const PHOTOS: DemoPhoto[] = [
  { key: 'ruong-lua', motif: 'fields', sky: ['#9fd3f5', '#e8f6ff'], alternativeText: 'Cánh đồng lúa chín dưới nắng sớm' },
  { key: 'dam-sen', motif: 'lotus', sky: ['#ffd1dc', '#fff4e0'], alternativeText: 'Đầm sen hồng nở rộ' },
  { key: 'song-cai-tre', motif: 'river', sky: ['#7fb7e6', '#dff1ff'], alternativeText: 'Dòng sông chảy qua thị trấn' },
  { key: 'tru-so', motif: 'hall', sky: ['#8ec5ff', '#f0f8ff'], alternativeText: 'Tòa nhà trụ sở có cờ đỏ trên nóc' },
  { key: 'hoi-truong', motif: 'meeting', sky: ['#f2e6d0', '#d9c3a0'], alternativeText: 'Đại biểu ngồi dự hội nghị trong hội trường' },
  { key: 'truong-hoc', motif: 'school', sky: ['#a6e3ff', '#fdfdf0'], alternativeText: 'Dãy phòng học màu vàng' },
  { key: 'san-khau', motif: 'stage', sky: ['#2a1b4d', '#5c2a6e'], alternativeText: 'Diễn viên biểu diễn trên sân khấu' },
  { key: 'cho-que', motif: 'market', sky: ['#ffe3a3', '#fff8e6'], alternativeText: 'Dãy sạp chợ mái nhiều màu' },
  { key: 'mua-nuoc-noi', motif: 'flood', sky: ['#b5c7d3', '#eef3f6'], alternativeText: 'Xuồng trên cánh đồng ngập nước' },
  { key: 'duong-nong-thon', motif: 'road', sky: ['#9ad0ec', '#f4fbff'], alternativeText: 'Con đường bê tông giữa đồng' },
];

export const ARTICLES: DemoArticle[] = [
  {
    sourceKey: 'demo-tan-hoa-001',
    title: 'Đảng ủy xã Thạnh Lợi tổ chức Đại hội Đảng bộ lần thứ XIII, nhiệm kỳ 2025 - 2030',
    sapo: 'Ngày 12/6/2025, Đảng bộ xã Thạnh Lợi tổ chức Đại hội đại biểu lần thứ XIII, nhiệm kỳ 2025 - 2030 với 135 đại biểu đại diện cho 412 đảng viên trong toàn Đảng bộ.',
    category: 'Xây dựng Đảng',
    tags: ['Đại hội Đảng', 'Xã Thạnh Lợi'],
    byline: [
      { role: 'writer', person: 'Trần Văn Đức' },
      { role: 'photographer', person: 'Lê Tính' },
      { role: 'editor', person: 'Thanh Tâm' },
    ],
    publicationDate: '2025-06-12T16:30:00+07:00',
    unit: 'Huyện ủy Tân Hòa',
    featured: true,
    cover: { photo: 'hoi-truong', caption: 'Quang cảnh Đại hội Đảng bộ xã Thạnh Lợi lần thứ XIII, nhiệm kỳ 2025 - 2030.', credit: 'Lê Tính' },
    body: [
      'Dự Đại hội có Đồng chí Nguyễn Hữu Phước, Phó Bí thư Thường trực Huyện ủy; đại diện lãnh đạo các ban xây dựng Đảng của Huyện ủy cùng đông đảo đại biểu, đảng viên trong xã.',
      'Nhiệm kỳ 2020 - 2025, Đảng bộ xã Thạnh Lợi lãnh đạo hoàn thành 16/18 chỉ tiêu nghị quyết đề ra. Thu nhập bình quân đầu người đạt 68 triệu đồng/năm, tỷ lệ hộ nghèo giảm còn 1,2%; xã giữ vững chuẩn nông thôn mới và đang hoàn thiện các tiêu chí nông thôn mới nâng cao.',
      { photo: 'tru-so', caption: 'Đồng chí Nguyễn Hữu Phước, Phó Bí thư Thường trực Huyện ủy phát biểu chỉ đạo Đại hội.', credit: 'Lê Tính' },
      '## Ba khâu đột phá của nhiệm kỳ mới',
      'Đại hội thống nhất ba khâu đột phá: chuyển đổi cơ cấu cây trồng gắn với liên kết tiêu thụ; đầu tư hạ tầng giao thông nội đồng; nâng cao chất lượng sinh hoạt chi bộ ấp.',
      'Đại hội đã bầu Ban Chấp hành Đảng bộ xã khóa XIII gồm 15 đồng chí. Đồng chí Võ Thị Kim Loan được bầu giữ chức Bí thư Đảng ủy xã.',
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-002',
    title: 'Nông dân vùng Đồng Tháp Mười thu hoạch sen, lãi gần 100 triệu đồng mỗi hecta',
    sapo: 'Những ngày này, nông dân các xã phía bắc huyện Tân Hòa, giáp vùng Đồng Tháp Mười, tất bật thu hoạch gương sen vụ hè thu với giá bán ổn định.',
    category: 'Kinh tế',
    tags: ['Nông nghiệp', 'Sen Đồng Tháp Mười'],
    byline: [
      { role: 'writer', person: 'Minh Khoa' },
      { role: 'photographer', person: 'Minh Khoa' },
    ],
    publicationDate: '2025-07-03T09:15:00+07:00',
    unit: 'UBND xã Tân Hòa',
    cover: { photo: 'dam-sen', caption: 'Nông dân xã Tân Phú thu hoạch gương sen trên cánh đồng giáp vùng Đồng Tháp Mười.', credit: 'Minh Khoa' },
    body: [
      'Toàn huyện hiện có hơn 650 ha sen, tập trung ở các xã Tân Phú, Mỹ An và Phú Điền. Sau 90 ngày xuống giống, mỗi hecta cho khoảng 2,5 tấn gương; với giá bán tại ruộng từ 45.000 đến 50.000 đồng/kg, nông dân lãi gần 100 triệu đồng.',
      'Ông Lê Văn Sáu, ấp Gò Sen, xã Tân Phú cho biết: "Trồng sen ít tốn phân thuốc hơn trồng lúa, lại tận dụng được đất trũng. Năm nay tôi mở rộng thêm 2 công."',
      { photo: 'dam-sen', caption: 'Gương sen sau thu hoạch được thương lái thu mua ngay tại bờ ruộng, ấp Gò Sen, xã Tân Phú.', credit: 'Minh Khoa' },
      'Phòng Nông nghiệp và Môi trường huyện khuyến cáo nông dân tham gia tổ hợp tác để ký hợp đồng tiêu thụ, đồng thời kết hợp nuôi cá trong ruộng sen để tăng thu nhập.',
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-003',
    title: 'Huyện Tân Hòa ra quân Tháng Thanh niên năm 2025',
    sapo: 'Sáng 2/3, Huyện đoàn Tân Hòa tổ chức lễ ra quân Tháng Thanh niên với chủ đề "Thanh niên tiên phong chuyển đổi số, xây dựng quê hương".',
    category: 'Tin tức - Sự kiện',
    tags: ['Thanh niên', 'Chuyển đổi số'],
    byline: [
      { role: 'writer', person: 'Ngọc Hân' },
      { role: 'photographer', person: 'Lê Tính' },
    ],
    publicationDate: '2025-03-02T10:00:00+07:00',
    unit: 'Huyện đoàn Tân Hòa',
    cover: { photo: 'duong-nong-thon', caption: 'Đoàn viên thanh niên ra quân dọn vệ sinh tuyến đường ấp Mỹ Thạnh, xã Mỹ An.', credit: 'Lê Tính' },
    body: [
      'Hơn 500 đoàn viên, thanh niên tham gia lễ ra quân. Ngay sau buổi lễ, các đội hình tình nguyện tỏa về các xã dọn vệ sinh, trồng cây xanh và hướng dẫn người dân cài đặt ứng dụng dịch vụ công trực tuyến.',
      'Trong tháng, Huyện đoàn phấn đấu thực hiện 20 công trình thanh niên, sửa chữa 3 căn nhà nhân ái và hỗ trợ ít nhất 2.000 lượt người dân thực hiện thủ tục hành chính trên môi trường số.',
      { photo: 'truong-hoc', caption: 'Đội hình "Bình dân học vụ số" hướng dẫn người dân sử dụng dịch vụ công trực tuyến tại thị trấn Tân Hòa.', credit: 'Lê Tính' },
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-004',
    title: 'Khai mạc Hội thi văn nghệ quần chúng huyện Tân Hòa lần thứ X',
    sapo: 'Tối 26/4, tại Nhà văn hóa huyện, Hội thi văn nghệ quần chúng lần thứ X chào mừng 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước chính thức khai mạc.',
    category: 'Văn hóa - Xã hội',
    tags: ['Văn nghệ', 'Nhà văn hóa'],
    byline: [
      { role: 'writer', person: 'Ngọc Hân' },
      { role: 'editor', person: 'Thanh Tâm' },
    ],
    publicationDate: '2025-04-27T07:45:00+07:00',
    unit: 'Phòng Văn hóa, Khoa học và Thông tin huyện',
    cover: { photo: 'san-khau', caption: 'Tiết mục múa "Sen hồng đất phương Nam" của đội văn nghệ thị trấn Tân Hòa.', credit: 'Ngọc Hân' },
    body: [
      'Hội thi quy tụ 11 đội với hơn 200 diễn viên, nghệ nhân không chuyên đến từ các xã, thị trấn và khối cơ quan. Mỗi đội trình diễn 5 tiết mục gồm hát, múa, đờn ca tài tử và kịch ngắn.',
      'Các tiết mục ca ngợi quê hương, Đảng, Bác Hồ và những đổi thay của vùng đất Tân Hòa sau 50 năm giải phóng.',
      { photo: 'san-khau', caption: 'Đội đờn ca tài tử xã Phú Điền biểu diễn bài "Tình quê" trong đêm khai mạc.', credit: 'Ngọc Hân' },
      'Hội thi kéo dài đến ngày 28/4; ban tổ chức sẽ trao 1 giải nhất toàn đoàn cùng các giải cá nhân.',
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-005',
    title: 'Đồng chí Bí thư Huyện ủy tiếp xúc cử tri thị trấn Tân Hòa',
    sapo: 'Chiều 18/7, Đồng chí Đặng Minh Đạo, Bí thư Huyện ủy Tân Hòa, cùng Tổ đại biểu Hội đồng nhân dân huyện tiếp xúc cử tri thị trấn Tân Hòa trước kỳ họp thường lệ giữa năm.',
    category: 'Tin tức - Sự kiện',
    tags: ['Tiếp xúc cử tri', 'Đô thị'],
    byline: [{ role: 'writer', person: 'Minh Khoa' }],
    publicationDate: '2025-07-18T18:20:00+07:00',
    unit: 'Đảng ủy xã Tân Hòa',
    cover: { photo: 'hoi-truong', caption: 'Cử tri thị trấn Tân Hòa phát biểu ý kiến tại buổi tiếp xúc.', credit: 'Minh Khoa' },
    body: [
      'Cử tri kiến nghị sớm nâng cấp tuyến đường Nguyễn Văn Cừ, bổ sung đèn chiếu sáng ở khu dân cư Bờ Đông và tăng cường quản lý trật tự đô thị ở khu vực chợ.',
      { photo: 'cho-que', caption: 'Khu vực chợ thị trấn Tân Hòa, nơi cử tri đề nghị sắp xếp lại trật tự lòng lề đường.', credit: 'Tư liệu' },
      'Đồng chí Bí thư Huyện ủy ghi nhận các ý kiến, giao UBND huyện rà soát, đưa tuyến đường Nguyễn Văn Cừ vào danh mục đầu tư năm 2026 và trả lời cử tri bằng văn bản trước ngày 30/8.',
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-006',
    title: 'Hội nghị toàn quốc quán triệt nghị quyết về phát triển khoa học, công nghệ và chuyển đổi số',
    sapo: 'Sáng 13/1, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc quán triệt nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia. Huyện Tân Hòa dự tại điểm cầu Huyện ủy.',
    category: 'Tin tức - Sự kiện',
    tags: ['Chuyển đổi số', 'Hội nghị trực tuyến'],
    byline: [
      { role: 'source', outlet: 'TTXVN' },
      { role: 'editor', person: 'Thanh Tâm' },
    ],
    publicationDate: '2025-01-13T14:00:00+07:00',
    unit: 'Huyện ủy Tân Hòa',
    cover: { photo: 'hoi-truong', caption: 'Quang cảnh hội nghị tại điểm cầu Trung ương.', credit: 'TTXVN' },
    body: [
      'Hội nghị được tổ chức trực tiếp tại Hà Nội, kết nối trực tuyến đến các điểm cầu tỉnh, thành phố và cấp huyện trong cả nước.',
      'Tại điểm cầu huyện Tân Hòa, dự hội nghị có các đồng chí Ủy viên Ban Thường vụ Huyện ủy, lãnh đạo các ban, ngành, đoàn thể huyện và Bí thư Đảng ủy các xã, thị trấn.',
      { photo: 'tru-so', caption: 'Các đại biểu dự hội nghị tại điểm cầu Huyện ủy Tân Hòa.', credit: 'Trần Văn Đức' },
      'Sau hội nghị, Ban Thường vụ Huyện ủy giao Ban Tuyên giáo chủ trì xây dựng kế hoạch thực hiện nghị quyết phù hợp điều kiện địa phương, trình trong tháng 2.',
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-007',
    title: 'Đẩy nhanh tiến độ dự án khu đô thị mới ven sông Cái Tre',
    sapo: 'UBND huyện Tân Hòa yêu cầu các đơn vị liên quan tháo gỡ vướng mắc về bồi thường, bảo đảm khu đô thị mới ven sông Cái Tre hoàn thành hạ tầng kỹ thuật trong quý IV/2025.',
    category: 'Kinh tế',
    tags: ['Đô thị', 'Đầu tư công'],
    byline: [
      { role: 'writer', person: 'Minh Khoa' },
      { role: 'editor', person: 'Thanh Tâm' },
    ],
    publicationDate: '2025-08-05T11:10:00+07:00',
    unit: 'UBND xã Tân Hòa',
    cover: { photo: 'song-cai-tre', caption: 'Mặt bằng dự án khu đô thị mới ven sông Cái Tre, thị trấn Tân Hòa.', credit: 'Minh Khoa' },
    body: [
      'Dự án có diện tích 24 ha, tổng vốn hơn 380 tỷ đồng, gồm đường bờ kè, công viên ven sông và 620 nền nhà ở. Đến nay đã giải phóng mặt bằng được 92% diện tích; còn 9 hộ chưa thống nhất giá bồi thường.',
      '## Giao trách nhiệm cụ thể',
      'Phó Chủ tịch UBND huyện giao Ban Quản lý dự án đầu tư xây dựng huyện phối hợp với UBND thị trấn vận động từng hộ, đồng thời bố trí nền tái định cư ngay trong khu đô thị để người dân an tâm di dời.',
      { photo: 'duong-nong-thon', caption: 'Tuyến đường nối khu đô thị với quốc lộ đang được thi công.', credit: 'Lê Tính' },
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-008',
    title: 'Huyện ủy Tân Hòa sơ kết công tác kiểm tra, giám sát 6 tháng đầu năm',
    sapo: 'Trong 6 tháng đầu năm 2025, cấp ủy và Ủy ban Kiểm tra các cấp trong Đảng bộ huyện đã kiểm tra 46 tổ chức đảng và 58 đảng viên, giám sát chuyên đề 31 tổ chức đảng.',
    category: 'Xây dựng Đảng',
    tags: ['Kiểm tra giám sát', 'Xây dựng Đảng'],
    byline: [{ role: 'writer', person: 'Trần Văn Đức' }],
    publicationDate: '2025-07-10T15:00:00+07:00',
    unit: 'Ủy ban Kiểm tra Huyện ủy',
    cover: { photo: 'tru-so', caption: 'Trụ sở Huyện ủy Tân Hòa.', credit: 'Tư liệu' },
    body: [
      'Qua kiểm tra, giám sát, các cấp ủy đã kịp thời chấn chỉnh những hạn chế trong việc thực hiện quy chế làm việc, sinh hoạt chi bộ và kê khai tài sản, thu nhập.',
      'Hội nghị đề ra nhiệm vụ 6 tháng cuối năm: tập trung kiểm tra việc chuẩn bị và tổ chức đại hội đảng bộ các cấp, giám sát việc thực hiện nghị quyết ở các chi bộ ấp, khóm.',
      { photo: 'hoi-truong', caption: 'Đồng chí Chủ nhiệm Ủy ban Kiểm tra Huyện ủy báo cáo kết quả 6 tháng đầu năm.', credit: 'Trần Văn Đức' },
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-009',
    title: 'Trao 120 suất học bổng cho học sinh vượt khó học giỏi',
    sapo: 'Ngày 25/8, Hội Khuyến học huyện Tân Hòa phối hợp các nhà hảo tâm trao 120 suất học bổng, mỗi suất 2 triệu đồng, cho học sinh có hoàn cảnh khó khăn vươn lên học tốt.',
    category: 'Văn hóa - Xã hội',
    tags: ['Khuyến học', 'Giáo dục'],
    byline: [
      { role: 'writer', person: 'Phạm Thị Diễm' },
      { role: 'photographer', person: 'Phạm Thị Diễm' },
      { role: 'editor', person: 'Thanh Tâm' },
    ],
    publicationDate: '2025-08-25T17:00:00+07:00',
    unit: 'Hội Khuyến học huyện Tân Hòa',
    cover: { photo: 'truong-hoc', caption: 'Học sinh nhận học bổng tại Trường THCS thị trấn Tân Hòa.', credit: 'Phạm Diễm' },
    body: [
      'Các em nhận học bổng năm nay đều đạt danh hiệu học sinh giỏi, trong đó 14 em đạt giải trong kỳ thi học sinh giỏi cấp tỉnh.',
      'Em Nguyễn Thị Bích Ngọc, học sinh lớp 9, ấp Tân Đông, xã Tân Phú, mồ côi cha từ nhỏ, chia sẻ: "Em sẽ dùng số tiền này mua sách vở và cố gắng thi đậu vào trường chuyên của tỉnh."',
      { photo: 'truong-hoc', caption: 'Đại diện Hội Khuyến học huyện trao học bổng cho học sinh xã Tân Phú.', credit: 'Phạm Diễm' },
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-010',
    title: 'Hợp tác xã Mỹ An có sản phẩm khô cá lóc đạt chuẩn OCOP 4 sao',
    sapo: 'Sản phẩm khô cá lóc một nắng của Hợp tác xã Mỹ An vừa được UBND tỉnh công nhận đạt chuẩn OCOP 4 sao, nâng tổng số sản phẩm OCOP của huyện lên 27 sản phẩm.',
    category: 'Kinh tế',
    tags: ['OCOP', 'Hợp tác xã'],
    byline: [
      { role: 'writer', person: 'Minh Khoa' },
      { role: 'source', outlet: 'Báo Đồng Tháp' },
    ],
    publicationDate: '2025-09-09T08:30:00+07:00',
    unit: 'UBND xã Tân Hòa',
    featured: true,
    cover: { photo: 'cho-que', caption: 'Sản phẩm khô cá lóc của Hợp tác xã Mỹ An được trưng bày tại chợ thị trấn.', credit: 'Minh Khoa' },
    body: [
      'Hợp tác xã Mỹ An có 35 thành viên, sử dụng cá lóc nuôi trong ao đạt chứng nhận VietGAP. Mỗi năm hợp tác xã cung ứng ra thị trường khoảng 12 tấn khô cá các loại.',
      { photo: 'song-cai-tre', caption: 'Ao nuôi cá lóc của thành viên hợp tác xã ven sông Cái Tre.', credit: 'Minh Khoa' },
      'Theo Giám đốc hợp tác xã, việc đạt chuẩn OCOP 4 sao giúp sản phẩm vào được các siêu thị trong tỉnh và mở rộng bán hàng qua sàn thương mại điện tử.',
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-011',
    title: 'Xã Phú Điền đạt chuẩn nông thôn mới nâng cao',
    sapo: 'UBND tỉnh vừa công nhận xã Phú Điền đạt chuẩn nông thôn mới nâng cao năm 2025, là xã thứ 5 của huyện Tân Hòa về đích tiêu chí này.',
    category: 'Văn hóa - Xã hội',
    tags: ['Nông thôn mới', 'Xã Phú Điền'],
    byline: [
      { role: 'writer', person: 'Ngọc Hân' },
      { role: 'photographer', person: 'Lê Tính' },
    ],
    publicationDate: '2025-10-02T09:00:00+07:00',
    unit: 'Văn phòng Điều phối nông thôn mới huyện',
    featured: true,
    cover: { photo: 'duong-nong-thon', caption: 'Tuyến đường liên ấp được bê tông hóa, trồng hoa hai bên ở xã Phú Điền.', credit: 'Lê Tính' },
    body: [
      'Sau 3 năm triển khai, xã Phú Điền huy động hơn 86 tỷ đồng xây dựng nông thôn mới nâng cao, trong đó Nhân dân đóng góp gần 11 tỷ đồng và hiến hơn 18.000 m² đất làm đường.',
      'Thu nhập bình quân đầu người của xã đạt 75 triệu đồng/năm; 100% tuyến đường ấp được cứng hóa; tỷ lệ người dân tham gia bảo hiểm y tế đạt 96%.',
      { photo: 'ruong-lua', caption: 'Cánh đồng lớn ứng dụng cơ giới hóa ở ấp Phú Thành, xã Phú Điền.', credit: 'Lê Tính' },
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-012',
    title: 'Tân Hòa chủ động ứng phó mùa nước nổi năm 2025',
    sapo: 'Ban Chỉ huy Phòng thủ dân sự huyện Tân Hòa yêu cầu các xã, thị trấn rà soát đê bao, bố trí điểm giữ trẻ và sẵn sàng phương án sơ tán dân khi nước lên cao.',
    category: 'Tin tức - Sự kiện',
    tags: ['Phòng chống thiên tai', 'Mùa nước nổi'],
    byline: [
      { role: 'writer', person: 'Lê Tính' },
      { role: 'editor', person: 'Thanh Tâm' },
    ],
    publicationDate: '2025-09-20T16:00:00+07:00',
    unit: 'Ban Chỉ huy Phòng thủ dân sự huyện',
    featured: true,
    cover: { photo: 'mua-nuoc-noi', caption: 'Cánh đồng xã Thạnh Lợi vào mùa nước nổi.', credit: 'Lê Tính' },
    body: [
      'Toàn huyện có 84 km đê bao bảo vệ lúa thu đông. Qua rà soát, 6 đoạn đê xung yếu với tổng chiều dài 3,2 km đã được gia cố trước đỉnh lũ.',
      'Các xã tổ chức 42 điểm giữ trẻ mùa lũ, dạy bơi cho hơn 1.200 trẻ em và cấp phao cứu sinh cho các hộ ven sông.',
      { photo: 'song-cai-tre', caption: 'Lực lượng dân quân gia cố đoạn đê bao xung yếu ven sông Cái Tre.', credit: 'Lê Tính' },
    ],
    gallery: [
      { photo: 'mua-nuoc-noi', caption: 'Người dân xã Mỹ An giăng lưới bắt cá mùa nước nổi.', credit: 'Lê Tính' },
      { photo: 'ruong-lua', caption: 'Lúa thu đông trong đê bao được bảo vệ an toàn.', credit: 'Tư liệu' },
    ],
  },
  {
    sourceKey: 'demo-tan-hoa-013',
    title: 'Kế hoạch tổ chức Lễ hội Đình Tân Phú năm 2026',
    sapo: 'Bản thảo: chờ Phòng Văn hóa, Khoa học và Thông tin huyện gửi kế hoạch chính thức.',
    category: 'Văn hóa - Xã hội',
    tags: ['Lễ hội'],
    byline: [],
    unit: 'Phòng Văn hóa, Khoa học và Thông tin huyện',
    cover: { photo: 'san-khau', caption: '', credit: '' },
    body: ['Lễ hội dự kiến diễn ra trong 3 ngày, gồm phần lễ tại Đình Tân Phú và phần hội với các trò chơi dân gian.'],
    draft: true,
  },
];

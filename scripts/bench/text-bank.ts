/**
 * Word and sentence banks for generated Vietnamese newsroom text. Everything here is written for
 * the benchmark (no legacy text): sentences are assembled from slots so 10,000 articles read like
 * district news without repeating one another verbatim.
 */
import type { Random } from './random';

export const COMMUNES = [
  'Mỹ An', 'Mỹ Hòa', 'Mỹ Quý', 'Mỹ Đông', 'Láng Biển', 'Thanh Mỹ', 'Hưng Thạnh', 'Trường Xuân',
  'Tân Kiều', 'Đốc Binh Kiều', 'Phú Điền', 'Thạnh Lợi', 'Tân Thạnh', 'Phước Xuyên', 'Bình Hàng Trung',
  'An Phong', 'Tân Công Sính', 'Phú Thọ', 'Hòa Bình', 'Tân Hội Trung',
];

export const UNITS = [
  'Huyện ủy Tháp Mười', 'UBND huyện Tháp Mười', 'Ủy ban MTTQ Việt Nam huyện', 'Hội Nông dân huyện',
  'Huyện đoàn Tháp Mười', 'Hội Liên hiệp Phụ nữ huyện', 'Phòng Văn hóa và Thông tin huyện',
];

const ACTORS = [
  'Ban Thường vụ Huyện ủy', 'UBND huyện', 'Ủy ban MTTQ Việt Nam huyện', 'Hội Nông dân huyện',
  'Huyện đoàn', 'Hội Liên hiệp Phụ nữ huyện', 'Phòng Nông nghiệp và Phát triển nông thôn',
  'Phòng Tài chính - Kế hoạch', 'Trung tâm Y tế huyện', 'Phòng Giáo dục và Đào tạo',
  'Ban Chỉ huy Quân sự huyện', 'Công an huyện', 'Đảng ủy xã {commune}', 'UBND xã {commune}',
  'Hội Cựu chiến binh huyện', 'Liên đoàn Lao động huyện', 'Ban Dân vận Huyện ủy', 'Ủy ban Kiểm tra Huyện ủy',
];

const LEADERS = [
  'đồng chí Bí thư Huyện ủy', 'đồng chí Phó Bí thư Thường trực Huyện ủy', 'đồng chí Chủ tịch UBND huyện',
  'đồng chí Phó Chủ tịch UBND huyện', 'đồng chí Trưởng Ban Tuyên giáo Huyện ủy', 'đồng chí Chủ tịch Ủy ban MTTQ huyện',
  'lãnh đạo các phòng, ban chuyên môn', 'đại diện Sở Nông nghiệp và Môi trường tỉnh', 'Bí thư Đảng ủy các xã, thị trấn',
];

const EVENTS = [
  'hội nghị sơ kết công tác 6 tháng đầu năm', 'hội nghị tổng kết công tác năm', 'lễ ra quân hưởng ứng tháng hành động',
  'buổi làm việc với Đảng ủy xã {commune}', 'lớp bồi dưỡng lý luận chính trị cho đảng viên mới', 'lễ khánh thành cầu nông thôn tại xã {commune}',
  'hội thi tìm hiểu pháp luật', 'buổi đối thoại giữa người đứng đầu cấp ủy với Nhân dân', 'lễ giao nhận quân',
  'ngày hội đại đoàn kết toàn dân tộc tại ấp {hamlet}', 'hội nghị triển khai kế hoạch sản xuất vụ Đông Xuân',
  'đợt kiểm tra công tác cải cách hành chính', 'lễ trao nhà đại đoàn kết cho hộ nghèo', 'diễn đàn khởi nghiệp nông nghiệp',
  'hội nghị học tập, quán triệt nghị quyết của Trung ương', 'buổi tiếp xúc cử tri trước kỳ họp', 'hội thao quốc phòng',
];

const TOPICS = [
  'xây dựng nông thôn mới nâng cao', 'chuyển đổi số trong cơ quan nhà nước', 'cải cách thủ tục hành chính',
  'phát triển kinh tế tập thể', 'bảo vệ môi trường nông thôn', 'giảm nghèo bền vững', 'chăm lo gia đình chính sách',
  'phòng, chống dịch bệnh trên cây lúa', 'chuyển đổi cơ cấu cây trồng', 'xây dựng Đảng và hệ thống chính trị',
  'phát triển sản phẩm OCOP', 'an toàn giao thông', 'phòng, chống thiên tai', 'giữ gìn an ninh trật tự ở cơ sở',
  'khuyến học, khuyến tài', 'chăm sóc sức khỏe ban đầu cho người dân', 'phát triển du lịch sinh thái Đồng Tháp Mười',
  'thu hút đầu tư vào cụm công nghiệp', 'nâng cao chất lượng sinh hoạt chi bộ', 'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
];

const RESULTS = [
  'đạt {pct}% kế hoạch đề ra', 'tăng {pct}% so với cùng kỳ năm trước', 'vượt {pct}% chỉ tiêu Nghị quyết',
  'hoàn thành {num} công trình, phần việc', 'hỗ trợ {num} hộ gia đình khó khăn', 'giải quyết đúng hạn {pct}% hồ sơ',
  'nâng tổng số xã đạt chuẩn lên {small} xã', 'thu hút hơn {num} lượt người tham gia', 'huy động trên {money} tỷ đồng',
  'kết nạp mới {small} đảng viên', 'xây dựng {small} mô hình kinh tế hiệu quả', 'trồng mới {num} cây xanh',
];

const CROPS = [
  'trồng lúa chất lượng cao', 'trồng sen', 'trồng xoài', 'trồng khóm', 'trồng chanh không hạt', 'nuôi cá tra',
  'nuôi vịt chạy đồng', 'trồng bưởi', 'trồng rau màu', 'trồng nấm rơm',
];

const OPENERS = [
  'Trong thời gian qua,', 'Theo báo cáo,', 'Những năm gần đây,', 'Thực hiện chỉ đạo của cấp trên,', 'Nhìn chung,',
  'Bên cạnh những kết quả đạt được,', 'Phát biểu tại {event},', 'Để thực hiện hiệu quả nhiệm vụ,', 'Cũng trong dịp này,',
  'Tính đến nay,', 'Từ đầu năm đến nay,', 'Qua đó,', 'Đáng chú ý,', 'Theo đánh giá của {actor},',
];

const TEMPLATES = [
  '{opener} {actor} đã tập trung lãnh đạo, chỉ đạo thực hiện tốt công tác {topic}, {result}.',
  '{opener} toàn huyện {result}, góp phần quan trọng vào việc hoàn thành các chỉ tiêu kinh tế - xã hội.',
  'Tại {event}, {leader} ghi nhận, biểu dương những nỗ lực của {actor} trong công tác {topic}.',
  '{leader} đề nghị các ngành, các cấp tiếp tục đẩy mạnh {topic}, quan tâm giải quyết kịp thời những khó khăn, vướng mắc của người dân.',
  'Người dân xã {commune} phấn khởi khi mô hình {crop} mang lại thu nhập ổn định, bình quân mỗi héc-ta lãi từ {money} đến {money2} triệu đồng.',
  'Ông {person}, ấp {hamlet}, xã {commune}, chia sẻ: “Nhờ được hỗ trợ vốn và kỹ thuật, gia đình tôi đã mạnh dạn chuyển sang {crop}, cuộc sống khấm khá hơn trước nhiều”.',
  'Bà {person}, ngụ xã {commune}, cho biết thủ tục hành chính hiện nay được giải quyết nhanh gọn, người dân không phải đi lại nhiều lần.',
  '{actor} phối hợp với {actor2} tổ chức {event}, thu hút đông đảo cán bộ, đảng viên và Nhân dân tham dự.',
  'Qua {num} năm triển khai, phong trào {topic} đã lan tỏa rộng khắp, tạo sự đồng thuận cao trong Nhân dân.',
  'Tuy nhiên, việc thực hiện {topic} ở một số địa phương vẫn còn chậm, nguồn lực đầu tư chưa đáp ứng yêu cầu.',
  'Thời gian tới, {actor} sẽ tiếp tục rà soát, bổ sung kế hoạch, phấn đấu {result} trước ngày {date}.',
  'Dịp này, {actor} đã trao {small} suất quà, mỗi suất trị giá {money} triệu đồng cho các hộ gia đình chính sách, hộ nghèo trên địa bàn.',
  'Với diện tích hơn {num} héc-ta, vùng {crop} của xã {commune} đang trở thành điểm sáng trong sản xuất nông nghiệp của huyện.',
  'Các đại biểu cũng đã thảo luận, làm rõ những nguyên nhân hạn chế và đề xuất nhiều giải pháp thiết thực để nâng cao hiệu quả công tác {topic}.',
  'Được biết, tổng kinh phí thực hiện công trình hơn {money} tỷ đồng, từ nguồn vốn ngân sách tỉnh, huyện và Nhân dân đóng góp.',
  'Nhằm kịp thời động viên, {actor} đã khen thưởng {small} tập thể và {num} cá nhân có thành tích xuất sắc.',
  '{opener} công tác tuyên truyền được đổi mới về nội dung và hình thức, chú trọng ứng dụng mạng xã hội để thông tin đến người dân nhanh chóng, chính xác.',
  'Lực lượng đoàn viên, thanh niên xã {commune} ra quân dọn dẹp vệ sinh, phát quang bụi rậm, trồng hoa dọc các tuyến đường nông thôn.',
];

const HEADINGS = [
  'Nhiều kết quả nổi bật', 'Khó khăn, vướng mắc cần tháo gỡ', 'Phương hướng, nhiệm vụ thời gian tới', 'Lan tỏa mô hình hay',
  'Chuyển biến tích cực từ cơ sở', 'Người dân là trung tâm', 'Quyết tâm hoàn thành chỉ tiêu', 'Tiếp tục đổi mới',
];

const TITLES = [
  '{actor} tổ chức {event}', '{Topic}: {result}', 'Xã {commune} {result} trong công tác {topic}',
  'Đẩy mạnh {topic} tại xã {commune}', 'Hiệu quả từ mô hình {crop} ở {commune}', '{actor} triển khai nhiệm vụ {topic} năm {year}',
  'Nâng cao hiệu quả {topic}', 'Tháp Mười: {result} về {topic}', '{Event} năm {year}',
];

const SAPOS = [
  'Ngày {day}/{month}, {actor} tổ chức {event}. Dự và chỉ đạo có {leader}.',
  'Thực hiện kế hoạch năm {year}, {actor} đã triển khai nhiều giải pháp đồng bộ trong công tác {topic}, {result}.',
  'Sáng {day}/{month}, tại xã {commune}, {actor} phối hợp với {actor2} tổ chức {event} với sự tham gia của đông đảo người dân.',
  'Những năm qua, phong trào {topic} trên địa bàn huyện có nhiều chuyển biến tích cực, đời sống vật chất và tinh thần của Nhân dân ngày càng được nâng lên.',
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hoàng', 'Ngọc', 'Hữu', 'Quốc', 'Thị Thu', 'Kim', 'Công', 'Đức'];
const GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hùng', 'Hương', 'Khoa', 'Lan', 'Linh',
  'Long', 'Mai', 'Nam', 'Nga', 'Nhân', 'Phúc', 'Phương', 'Quân', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Trung', 'Tuấn', 'Vy', 'Yến',
];
const HAMLETS = ['Mỹ Phước', 'Bình Thạnh', 'Hưng Lợi', 'Tân Phú', 'An Hòa', 'Thạnh Hòa', 'Gò Tháp', 'Kinh Mới', '1', '2', '3', '4'];
const JOBS = ['Phóng viên', 'Biên tập viên', 'Cộng tác viên', 'Phóng viên ảnh', 'Thư ký tòa soạn', 'Trưởng ban biên tập'];
const OUTLETS = ['Báo Đồng Tháp', 'Đài Phát thanh và Truyền hình Đồng Tháp', 'Cổng thông tin điện tử tỉnh', 'Thông tấn xã Việt Nam'];

export const CATEGORY_NAMES = [
  'Tin tức - Sự kiện', 'Xây dựng Đảng', 'Kinh tế', 'Văn hóa - Xã hội', 'Nông nghiệp - Nông thôn mới',
  'Quốc phòng - An ninh', 'Cải cách hành chính', 'Giáo dục - Y tế',
];

export const TAG_NAMES = [
  'nông thôn mới', 'chuyển đổi số', 'OCOP', 'giảm nghèo', 'an toàn giao thông', 'cải cách hành chính', 'thanh niên',
  'phụ nữ', 'cựu chiến binh', 'lúa Đông Xuân', 'sen Tháp Mười', 'xoài', 'du lịch sinh thái', 'Khu di tích Gò Tháp',
  'đại đoàn kết', 'an sinh xã hội', 'khuyến học', 'y tế cơ sở', 'tiêm chủng', 'phòng chống thiên tai', 'mùa nước nổi',
  'giao thông nông thôn', 'đảng viên mới', 'kiểm tra giám sát', 'dân vận khéo', 'tiếp xúc cử tri', 'Hội đồng nhân dân',
  'giao nhận quân', 'an ninh trật tự', 'môi trường', 'nước sạch', 'khởi nghiệp', 'hợp tác xã', 'thể thao', 'văn nghệ',
  'lễ hội', 'Tết', 'học tập Bác Hồ', 'người có công', 'trẻ em',
];

export const PHOTO_SUBJECTS = [
  'Quang cảnh hội nghị', 'Đại biểu tham quan mô hình', 'Cánh đồng lúa vụ Đông Xuân', 'Đầm sen Tháp Mười mùa hoa nở',
  'Lễ trao nhà đại đoàn kết', 'Đoàn viên thanh niên ra quân', 'Người dân làm thủ tục tại bộ phận một cửa', 'Cầu nông thôn mới hoàn thành',
  'Lãnh đạo huyện trao quà', 'Nông dân thu hoạch xoài', 'Khu di tích Gò Tháp', 'Lễ giao nhận quân',
  'Hội thi văn nghệ quần chúng', 'Cán bộ y tế khám bệnh cho người dân', 'Học sinh trong ngày khai giảng', 'Tuyến đường hoa ở ấp',
  'Mô hình nuôi cá tra', 'Buổi tiếp xúc cử tri', 'Hợp tác xã giới thiệu sản phẩm OCOP', 'Lực lượng dân quân tập luyện',
];

export function personName(random: Random): string {
  return `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`;
}
export const jobTitle = (random: Random) => random.pick(JOBS);
export const outlet = (random: Random) => random.pick(OUTLETS);

/** Fills `{slot}` placeholders; `{Slot}` capitalises the first letter of what it inserts. */
function fill(template: string, random: Random): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = slot(key.toLowerCase(), random);
    return key[0] === key[0]!.toUpperCase() ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
}

function slot(key: string, random: Random): string {
  switch (key) {
    case 'actor':
    case 'actor2':
      return fill(random.pick(ACTORS), random);
    case 'leader':
      return random.pick(LEADERS);
    case 'event':
      return fill(random.pick(EVENTS), random);
    case 'topic':
      return random.pick(TOPICS);
    case 'result':
      return fill(random.pick(RESULTS), random);
    case 'opener':
      return fill(random.pick(OPENERS), random);
    case 'commune':
      return random.pick(COMMUNES);
    case 'hamlet':
      return random.pick(HAMLETS);
    case 'crop':
      return random.pick(CROPS);
    case 'person':
      return personName(random);
    case 'pct':
      return String(random.int(3, 120));
    case 'num':
      return String(random.int(12, 2500));
    case 'small':
      return String(random.int(2, 40));
    case 'money':
      return String(random.int(5, 90));
    case 'money2':
      return String(random.int(91, 250));
    case 'year':
      return String(random.int(2016, 2025));
    case 'day':
      return String(random.int(1, 28));
    case 'month':
      return String(random.int(1, 12));
    case 'date':
      return `${random.int(1, 28)}/${random.int(1, 12)}`;
    default:
      throw new Error(`text-bank: unknown slot {${key}}`);
  }
}

export const sentence = (random: Random) => fill(random.pick(TEMPLATES), random);
export const heading = (random: Random) => random.pick(HEADINGS);
export const sapo = (random: Random) => fill(random.pick(SAPOS), random);

/** A headline of at most ~20 words (titles are capped at 300 characters by the schema). */
export function title(random: Random): string {
  const text = fill(random.pick(TITLES), random);
  return text.length > 280 ? `${text.slice(0, 277)}…` : text;
}

export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

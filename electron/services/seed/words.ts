/**
 * Word lists for realistic seeded data: names, cities with real GB/T 2260 region codes, streets,
 * company name parts, staff. Plain data; the generators in people.ts combine them.
 */

/** Common surnames, most frequent first (the generator weights them by rank). */
// prettier-ignore
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑',
  '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜',
  '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾',
  '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯', '龙', '史', '陶', '黎',
  '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤', '欧阳', '司马', '上官',
] as const;

// prettier-ignore
export const MALE_GIVEN_NAMES = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '波', '浩', '凯', '健', '建华', '建国',
  '建军', '志强', '志明', '志刚', '海涛', '海波', '海峰', '俊杰', '俊峰', '文博', '文杰', '子豪', '浩然', '宇航', '晓东', '晓明', '国栋',
  '国强', '国平', '永刚', '永强', '立新', '春生', '德明', '振华', '家豪', '天宇', '明轩', '一鸣', '嘉伟', '少华', '卫东', '红军', '伟民',
  '利民', '新民', '学军', '庆华', '金龙', '思远', '博文', '子轩', '宏伟', '鹏飞', '云飞', '大伟', '光辉', '世杰', '长青', '宇轩', '昊天',
  '志勇', '成龙', '兴旺', '荣华', '建平', '国华', '晓峰', '文龙',
] as const;

// prettier-ignore
export const FEMALE_GIVEN_NAMES = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '琳', '倩', '颖', '莉', '萍', '红', '秀英', '秀兰',
  '桂英', '玉兰', '丽华', '晓燕', '晓丽', '春梅', '海燕', '雅琴', '淑珍', '美玲', '慧敏', '欣怡', '梓涵', '诗琪', '雨婷', '佳怡', '思琪',
  '紫涵', '静怡', '婉婷', '梦瑶', '晓红', '红梅', '丽娟', '秀珍', '玉梅', '凤英', '彩霞', '小红', '文静', '雪梅', '冬梅', '金凤', '艳红',
  '晓梅', '丽萍', '佳琪', '欣妍', '若曦', '美华', '淑芬', '月娥', '亚男', '瑞雪', '一诺', '雨欣', '晓慧', '翠兰', '素芬',
] as const;

export interface District {
  name: string;
  /** GB/T 2260 code, also the first 6 digits of resident IDs registered there. */
  code: string;
}

export interface City {
  /** '广东省' — empty for the four municipalities, whose name already says it. */
  province: string;
  city: string;
  /** Short name used in company names: 深圳市 → 深圳. */
  short: string;
  areaCode: string;
  districts: readonly District[];
  /** Relative share of the loan book originated there. */
  weight: number;
}

const d = (name: string, code: string): District => ({ name, code });

// prettier-ignore
export const CITIES: readonly City[] = [
  { province: '', city: '北京市', short: '北京', areaCode: '010', weight: 6, districts: [d('东城区', '110101'), d('西城区', '110102'), d('朝阳区', '110105'), d('丰台区', '110106'), d('海淀区', '110108')] },
  { province: '', city: '上海市', short: '上海', areaCode: '021', weight: 6, districts: [d('黄浦区', '310101'), d('徐汇区', '310104'), d('静安区', '310106'), d('闵行区', '310112'), d('浦东新区', '310115')] },
  { province: '', city: '天津市', short: '天津', areaCode: '022', weight: 3, districts: [d('和平区', '120101'), d('河西区', '120103'), d('南开区', '120104')] },
  { province: '', city: '重庆市', short: '重庆', areaCode: '023', weight: 4, districts: [d('渝中区', '500103'), d('江北区', '500105'), d('渝北区', '500112')] },
  { province: '广东省', city: '广州市', short: '广州', areaCode: '020', weight: 6, districts: [d('越秀区', '440104'), d('天河区', '440106'), d('白云区', '440111'), d('番禺区', '440113')] },
  { province: '广东省', city: '深圳市', short: '深圳', areaCode: '0755', weight: 7, districts: [d('罗湖区', '440303'), d('福田区', '440304'), d('南山区', '440305'), d('宝安区', '440306'), d('龙岗区', '440307')] },
  { province: '广东省', city: '东莞市', short: '东莞', areaCode: '0769', weight: 4, districts: [d('南城街道', '441900'), d('东城街道', '441900'), d('长安镇', '441900'), d('虎门镇', '441900')] },
  { province: '广东省', city: '佛山市', short: '佛山', areaCode: '0757', weight: 3, districts: [d('禅城区', '440604'), d('南海区', '440605'), d('顺德区', '440606')] },
  { province: '浙江省', city: '杭州市', short: '杭州', areaCode: '0571', weight: 5, districts: [d('上城区', '330102'), d('拱墅区', '330105'), d('西湖区', '330106'), d('滨江区', '330108'), d('余杭区', '330110')] },
  { province: '浙江省', city: '宁波市', short: '宁波', areaCode: '0574', weight: 3, districts: [d('海曙区', '330203'), d('江北区', '330205'), d('鄞州区', '330212')] },
  { province: '浙江省', city: '温州市', short: '温州', areaCode: '0577', weight: 3, districts: [d('鹿城区', '330302'), d('瓯海区', '330304')] },
  { province: '江苏省', city: '南京市', short: '南京', areaCode: '025', weight: 4, districts: [d('玄武区', '320102'), d('秦淮区', '320104'), d('鼓楼区', '320106'), d('江宁区', '320115')] },
  { province: '江苏省', city: '苏州市', short: '苏州', areaCode: '0512', weight: 4, districts: [d('虎丘区', '320505'), d('吴中区', '320506'), d('姑苏区', '320508')] },
  { province: '四川省', city: '成都市', short: '成都', areaCode: '028', weight: 5, districts: [d('锦江区', '510104'), d('青羊区', '510105'), d('金牛区', '510106'), d('武侯区', '510107'), d('成华区', '510108')] },
  { province: '湖北省', city: '武汉市', short: '武汉', areaCode: '027', weight: 4, districts: [d('江岸区', '420102'), d('江汉区', '420103'), d('武昌区', '420106'), d('洪山区', '420111')] },
  { province: '陕西省', city: '西安市', short: '西安', areaCode: '029', weight: 3, districts: [d('新城区', '610102'), d('碑林区', '610103'), d('未央区', '610112'), d('雁塔区', '610113')] },
  { province: '湖南省', city: '长沙市', short: '长沙', areaCode: '0731', weight: 3, districts: [d('芙蓉区', '430102'), d('天心区', '430103'), d('岳麓区', '430104'), d('开福区', '430105')] },
  { province: '河南省', city: '郑州市', short: '郑州', areaCode: '0371', weight: 3, districts: [d('中原区', '410102'), d('二七区', '410103'), d('金水区', '410105')] },
  { province: '山东省', city: '济南市', short: '济南', areaCode: '0531', weight: 2, districts: [d('历下区', '370102'), d('市中区', '370103'), d('槐荫区', '370104')] },
  { province: '山东省', city: '青岛市', short: '青岛', areaCode: '0532', weight: 3, districts: [d('市南区', '370202'), d('市北区', '370203'), d('崂山区', '370212')] },
  { province: '福建省', city: '厦门市', short: '厦门', areaCode: '0592', weight: 2, districts: [d('思明区', '350203'), d('湖里区', '350206')] },
  { province: '福建省', city: '福州市', short: '福州', areaCode: '0591', weight: 2, districts: [d('鼓楼区', '350102'), d('台江区', '350103'), d('仓山区', '350104')] },
  { province: '安徽省', city: '合肥市', short: '合肥', areaCode: '0551', weight: 2, districts: [d('瑶海区', '340102'), d('庐阳区', '340103'), d('蜀山区', '340104'), d('包河区', '340111')] },
  { province: '辽宁省', city: '沈阳市', short: '沈阳', areaCode: '024', weight: 2, districts: [d('和平区', '210102'), d('沈河区', '210103'), d('皇姑区', '210105')] },
  { province: '黑龙江省', city: '哈尔滨市', short: '哈尔滨', areaCode: '0451', weight: 1, districts: [d('道里区', '230102'), d('南岗区', '230103'), d('香坊区', '230110')] },
  { province: '云南省', city: '昆明市', short: '昆明', areaCode: '0871', weight: 2, districts: [d('五华区', '530102'), d('盘龙区', '530103'), d('官渡区', '530111')] },
  { province: '江西省', city: '南昌市', short: '南昌', areaCode: '0791', weight: 1, districts: [d('东湖区', '360102'), d('西湖区', '360103'), d('青山湖区', '360111')] },
  { province: '广西壮族自治区', city: '南宁市', short: '南宁', areaCode: '0771', weight: 1, districts: [d('兴宁区', '450102'), d('青秀区', '450103')] },
  { province: '贵州省', city: '贵阳市', short: '贵阳', areaCode: '0851', weight: 1, districts: [d('南明区', '520102'), d('云岩区', '520103')] },
  { province: '河北省', city: '石家庄市', short: '石家庄', areaCode: '0311', weight: 2, districts: [d('长安区', '130102'), d('桥西区', '130104'), d('新华区', '130105')] },
  { province: '山西省', city: '太原市', short: '太原', areaCode: '0351', weight: 1, districts: [d('小店区', '140105'), d('迎泽区', '140106')] },
  { province: '吉林省', city: '长春市', short: '长春', areaCode: '0431', weight: 1, districts: [d('南关区', '220102'), d('朝阳区', '220104')] },
];

/** Where many people who moved to the big cities were born: their IDs carry these codes. */
export const ORIGIN_REGIONS = [
  '411602', // 河南周口川汇区
  '341202', // 安徽阜阳颍州区
  '511302', // 四川南充顺庆区
  '430502', // 湖南邵阳双清区
  '360702', // 江西赣州章贡区
  '421102', // 湖北黄冈黄州区
  '450902', // 广西玉林玉州区
  '371302', // 山东临沂兰山区
] as const;

// prettier-ignore
export const STREETS = [
  '人民路', '解放路', '中山路', '建设路', '和平路', '新华路', '长江路', '文化路', '胜利路', '光明路', '友谊路', '幸福路', '青年路', '东风路', '建国路',
  '花园路', '民主路', '府前街', '迎宾大道', '滨河路', '工业大道', '南京路', '北京路', '学府路', '体育路', '团结路', '朝阳路', '振兴路', '发展大道',
  '环城东路',
] as const;

// prettier-ignore
export const COMPOUNDS = [
  '阳光花园', '锦绣家园', '翠苑小区', '金色家园', '碧桂园', '万科城', '幸福里', '御景湾', '城市花园', '滨江华府', '世纪新城', '紫荆苑', '丽景名都', '龙湖天街',
  '保利花园', '东方明珠小区', '绿地新都会', '恒大名都', '华润城', '桂花苑', '新村', '职工宿舍',
] as const;

// prettier-ignore
export const OFFICE_BUILDINGS = [
  '国际大厦', '商务中心', '金融大厦', '创业园', '科技园', '财富广场', '时代广场', '世贸中心', '工业园', '商贸城',
] as const;

/** Middle part of company names: auspicious two-character trade names. */
// prettier-ignore
export const TRADE_NAMES = [
  '鑫达', '恒通', '宏远', '华盛', '金源', '永泰', '瑞丰', '德信', '盛世', '嘉禾', '天成', '汇通', '中联', '锦程', '佳和', '博远', '新科',
  '长兴', '利民', '顺发', '富强', '兴业', '鸿运', '东方', '宏达', '恒信', '众诚', '华宇', '金鹏', '荣盛', '安泰', '同创', '海纳', '启航',
  '远景', '正大', '诚信', '通达', '万隆', '福满',
] as const;

/** Industry word in the company name, and the line of business recorded for it. */
export const INDUSTRIES: readonly { word: string; business: string }[] = [
  { word: '贸易', business: '日用百货批发零售' },
  { word: '商贸', business: '预包装食品、日用品批发' },
  { word: '物流', business: '道路普通货物运输' },
  { word: '建材', business: '建筑材料销售' },
  { word: '电子科技', business: '电子产品研发与销售' },
  { word: '餐饮管理', business: '餐饮服务' },
  { word: '汽车销售服务', business: '二手车销售及维修' },
  { word: '装饰工程', business: '室内外装修工程' },
  { word: '服装', business: '服装加工与销售' },
  { word: '食品', business: '食品生产与销售' },
  { word: '机械设备', business: '机械设备制造与租赁' },
  { word: '信息技术', business: '软件开发与信息技术服务' },
  { word: '建筑工程', business: '房屋建筑工程施工' },
  { word: '五金', business: '五金交电批发' },
  { word: '农业发展', business: '农产品种植与销售' },
  { word: '医疗器械', business: '二类医疗器械销售' },
  { word: '家具', business: '家具制造与销售' },
  { word: '包装材料', business: '纸制品及包装材料生产' },
  { word: '酒店管理', business: '住宿与酒店管理' },
  { word: '文化传媒', business: '广告设计与发布' },
];

/** What people without a company employer write in "employer / business". */
// prettier-ignore
export const SELF_EMPLOYED = [
  '个体经营（餐饮）', '个体经营（建材）', '个体经营（服装店）', '个体经营（水果批发）', '个体经营（汽修）', '个体经营（便利店）', '网约车司机', '货车司机', '出租车司机',
  '自由职业', '务农', '装修包工头', '外卖骑手',
] as const;

// prettier-ignore
export const INSTITUTIONS = [
  '第一人民医院', '中心医院', '实验中学', '第二中学', '供电局', '自来水公司', '税务局',
] as const;

// prettier-ignore
export const JOB_TITLES = [
  '经理', '业务员', '会计', '工程师', '主管', '销售', '技术员', '职员', '店长', '司机',
] as const;

/** Loan officers (loans.officer) — a small office. */
export const OFFICERS = ['王建军', '李海燕', '陈志强', '刘婷', '张磊', '黄晓明', '周静', '吴俊杰'] as const;

/** Cashiers who post payments (payments.received_by); officers also take cash now and then. */
export const CASHIERS = ['赵敏', '孙丽华', '钱伟', '郑秀英'] as const;

export const BANKS = ['ICBC', 'CCB', 'ABC', 'BOC', 'BOCOM', 'CMB', 'CIB', 'SPDB', 'CMBC', 'PSBC'] as const;

/** Mobile prefixes actually in use: 1[3-9]x. */
// prettier-ignore
export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '153',
  '155', '156', '157', '158', '159', '166', '170', '173', '175', '176', '177', '178', '180', '181', '182',
  '183', '184', '185', '186', '187', '188', '189', '191', '193', '195', '196', '197', '198', '199',
] as const;

// prettier-ignore
export const GUARANTOR_RELATIONSHIPS = [
  '配偶', '父亲', '母亲', '兄弟', '姐妹', '朋友', '同事', '合伙人',
] as const;
export const REFERENCE_RELATIONSHIPS = ['配偶', '父母', '兄弟姐妹', '朋友', '同事', '亲属'] as const;
export const COMPANY_GUARANTOR_RELATIONSHIPS = [
  ['法定代表人', 60],
  ['股东', 25],
  ['实际控制人', 15],
] as const;

import type { EmployerKind, PayBasis, PostTypeCode, WorkingMode } from '@mamagang/domain';

/**
 * The demo city: Weihai (威海). Every person and organisation here is invented; codes and ID
 * numbers are generated with valid check characters (domain makeUscc / makeResidentId) so the
 * demo behaves like real data. Coordinates are spread around the city's districts.
 */

export interface DemoEmployer {
  key: string;
  usccPrefix: string;
  name: string;
  kind: EmployerKind;
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  contactName: string;
  contactPhone: string;
  motherBabyRoom: boolean;
  childcare: boolean;
  shuttleBus: boolean;
  status: 'approved' | 'pending';
  friendly: boolean;
}

export const DEMO_EMPLOYERS: DemoEmployer[] = [
  { key: 'nuanyang', usccPrefix: '91371002MA3C00001', name: '威海暖阳服饰有限公司', kind: 'enterprise', regionCode: '371002', address: '环翠区青岛北路88号', lat: 37.5082, lng: 122.1042, contactName: '周经理', contactPhone: '13963100001', motherBabyRoom: true, childcare: true, shuttleBus: true, status: 'approved', friendly: true },
  { key: 'haizhiwei', usccPrefix: '91371072MA3C00002', name: '威海海之味食品有限公司', kind: 'enterprise', regionCode: '371072', address: '经区海滨南路16号', lat: 37.4631, lng: 122.1698, contactName: '孙主管', contactPhone: '13963100002', motherBabyRoom: true, childcare: false, shuttleBus: true, status: 'approved', friendly: false },
  { key: 'aixin', usccPrefix: '52371002MJ3C00003', name: '威海市爱心家政服务中心', kind: 'social_organisation', regionCode: '371002', address: '环翠区统一路201号', lat: 37.5141, lng: 122.1195, contactName: '刘主任', contactPhone: '13963100003', motherBabyRoom: false, childcare: false, shuttleBus: false, status: 'approved', friendly: true },
  { key: 'zhudao', usccPrefix: '57371002MF3C00004', name: '竹岛街道福山社区居民委员会', kind: 'community', regionCode: '371002', address: '环翠区福山路9号', lat: 37.4987, lng: 122.1274, contactName: '王书记', contactPhone: '13963100004', motherBabyRoom: true, childcare: true, shuttleBus: false, status: 'approved', friendly: false },
  { key: 'yousong', usccPrefix: '91371071MA3C00005', name: '威海优送网络科技有限公司', kind: 'platform', regionCode: '371071', address: '高区文化西路180号', lat: 37.5298, lng: 122.0626, contactName: '陈经理', contactPhone: '13963100005', motherBabyRoom: false, childcare: false, shuttleBus: false, status: 'approved', friendly: false },
  { key: 'renshe', usccPrefix: '11371002MB3C00006', name: '环翠区公共就业和人才服务中心', kind: 'government', regionCode: '371002', address: '环翠区新威路23号', lat: 37.5036, lng: 122.1162, contactName: '赵科长', contactPhone: '13963100006', motherBabyRoom: true, childcare: false, shuttleBus: false, status: 'approved', friendly: false },
  { key: 'wendeng', usccPrefix: '92371003MA3C00007', name: '文登区巧手编织坊', kind: 'individual_business', regionCode: '371003', address: '文登区龙山路66号', lat: 37.2011, lng: 122.0512, contactName: '于女士', contactPhone: '13963100007', motherBabyRoom: false, childcare: false, shuttleBus: false, status: 'approved', friendly: false },
  { key: 'xinya', usccPrefix: '91371002MA3C00008', name: '威海新芽托育服务有限公司', kind: 'enterprise', regionCode: '371002', address: '环翠区文化东路12号', lat: 37.5110, lng: 122.1320, contactName: '林园长', contactPhone: '13963100008', motherBabyRoom: true, childcare: true, shuttleBus: false, status: 'pending', friendly: false },
];

export interface DemoPost {
  employer: string;
  type: PostTypeCode;
  title: string;
  description: string;
  headcount: number;
  payBasis: PayBasis;
  payMin: number;
  payMax: number;
  unitsPerHour?: number;
  hoursPerTask?: number;
  /** Text for domain parseWindows, or 'flexible' with hoursPerWeek. */
  schedule: string;
  hoursPerWeek?: number;
  modes: WorkingMode[];
  remote?: boolean;
  takeHome?: boolean;
  childMayCome?: boolean;
  skills: string[];
}

export const DEMO_POSTS: DemoPost[] = [
  { employer: 'nuanyang', type: 'production_line', title: '缝纫工（可提前下班接孩子）', description: '服装缝制，计件加保底，下午可提前1-2小时离岗接送孩子。', headcount: 6, payBasis: 'monthly', payMin: 3800, payMax: 5200, schedule: '周一至周五 08:30-15:30', modes: ['flexible_leave'], skills: ['缝纫'] },
  { employer: 'nuanyang', type: 'childcare_backed', title: '质检员（厂内托育）', description: '成衣质检，厂区有托育室，孩子可就近照看。', headcount: 3, payBasis: 'monthly', payMin: 3600, payMax: 4200, schedule: '周一至周五 09:00-16:00', modes: ['flexible_leave'], childMayCome: true, skills: ['细心'] },
  { employer: 'nuanyang', type: 'stage_settled_work', title: '包装员（固定白班）', description: '成品包装，固定时间地点，有事可随时请假。', headcount: 4, payBasis: 'monthly', payMin: 4000, payMax: 4600, schedule: '周一至周五 08:30-16:30', modes: ['flexible_leave'], skills: [] },
  { employer: 'nuanyang', type: 'short_term', title: '旺季临时熨烫工', description: '旺季3个月，按天结算。', headcount: 5, payBasis: 'daily', payMin: 160, payMax: 200, schedule: '周一至周六 09:00-15:00', modes: ['mom_shift'], skills: ['熨烫'] },
  { employer: 'haizhiwei', type: 'production_line', title: '海产品分拣员', description: '海参、扇贝分拣包装，宝妈班组自选班次。', headcount: 8, payBasis: 'monthly', payMin: 3600, payMax: 4500, schedule: '周一至周五 08:00-14:00', modes: ['mom_shift', 'flexible_leave'], skills: [] },
  { employer: 'haizhiwei', type: 'sales', title: '社区团购推广员', description: '每天到店1-2小时，其余时间线上推广，按单提成。', headcount: 10, payBasis: 'per_task', payMin: 30, payMax: 60, hoursPerTask: 1, schedule: '周一至周五 10:00-12:00', modes: ['new_economy', 'flexible_leave'], skills: ['沟通'] },
  { employer: 'haizhiwei', type: 'remote_online', title: '直播带货助播', description: '居家线上直播助播，时间灵活。', headcount: 4, payBasis: 'per_piece', payMin: 8, payMax: 12, unitsPerHour: 4, schedule: 'flexible', hoursPerWeek: 20, modes: ['new_economy'], remote: true, skills: ['直播', '电商'] },
  { employer: 'haizhiwei', type: 'project_based', title: '产品文案撰写（按篇）', description: '为海产品撰写推广文案，按篇结算，居家完成。', headcount: 3, payBasis: 'per_piece', payMin: 80, payMax: 150, unitsPerHour: 0.5, schedule: 'flexible', hoursPerWeek: 10, modes: ['new_economy', 'take_home'], remote: true, skills: ['写作'] },
  { employer: 'aixin', type: 'domestic_service', title: '育婴早教上门服务', description: '每天固定2-3小时上门早教，就近派单。', headcount: 6, payBasis: 'per_task', payMin: 80, payMax: 120, hoursPerTask: 2.5, schedule: '周一至周五 09:00-11:30', modes: ['flexible_leave'], skills: ['育婴师证'] },
  { employer: 'aixin', type: 'domestic_service', title: '助浴护理员（老人）', description: '为社区老人提供助浴，每天2小时。', headcount: 4, payBasis: 'per_task', payMin: 70, payMax: 90, hoursPerTask: 2, schedule: '周一至周五 14:00-16:00', modes: ['flexible_leave'], skills: ['护理'] },
  { employer: 'aixin', type: 'family_friendly', title: '家庭教育指导员', description: '社区家庭教育讲座与入户指导，时间相对固定。', headcount: 2, payBasis: 'per_task', payMin: 100, payMax: 150, hoursPerTask: 3, schedule: '周二、周四 09:00-12:00', modes: ['flexible_leave'], skills: ['教育'] },
  { employer: 'aixin', type: 'volunteer', title: '社区团购团长', description: '在小区做团购团长，时间自由，按单结算。', headcount: 10, payBasis: 'per_task', payMin: 25, payMax: 40, hoursPerTask: 1, schedule: 'flexible', hoursPerWeek: 8, modes: ['new_economy'], skills: [] },
  { employer: 'zhudao', type: 'school_canteen', title: '小学食堂帮厨', description: '跟随学校作息，寒暑假休息，孩子放学时间下班。', headcount: 3, payBasis: 'monthly', payMin: 2800, payMax: 3200, schedule: '周一至周五 09:00-14:00', modes: ['flexible_leave'], skills: ['烹饪'] },
  { employer: 'zhudao', type: 'handicraft', title: '手工钩织（可带回家）', description: '钩织玩偶、杯垫，材料上门发放，成品回收，按件计酬。', headcount: 20, payBasis: 'per_piece', payMin: 12, payMax: 18, unitsPerHour: 2, schedule: 'flexible', hoursPerWeek: 15, modes: ['take_home'], takeHome: true, skills: ['钩织'] },
  { employer: 'zhudao', type: 'family_friendly', title: '社区托育室保育员', description: '社区托育室看护幼儿，可带自己的孩子。', headcount: 2, payBasis: 'per_task', payMin: 90, payMax: 110, hoursPerTask: 4, schedule: '周一至周五 08:30-12:30', modes: ['flexible_leave'], childMayCome: true, skills: ['保育员证'] },
  { employer: 'yousong', type: 'platform_economy', title: '同城配送骑手（自选时段）', description: '自选时段接单，按单结算。', headcount: 30, payBasis: 'per_piece', payMin: 6, payMax: 9, unitsPerHour: 4, schedule: 'flexible', hoursPerWeek: 20, modes: ['mom_shift', 'new_economy'], skills: ['电动车'] },
  { employer: 'haizhiwei', type: 'remote_online', title: '云客服（居家）', description: '居家在线客服，按接待单量计酬，排班可选。', headcount: 12, payBasis: 'per_piece', payMin: 2, payMax: 2.5, unitsPerHour: 12, schedule: '周一至周五 09:00-15:00', modes: ['new_economy', 'mom_shift'], remote: true, skills: ['打字'] },
  { employer: 'renshe', type: 'public_welfare_urban', title: '社区公共空间管护', description: '城镇公益性岗位，优先安置大龄困难、登记失业的二孩三孩妈妈。', headcount: 4, payBasis: 'monthly', payMin: 3400, payMax: 3400, schedule: '周一至周五 08:30-15:30', modes: [], skills: [] },
  { employer: 'renshe', type: 'public_welfare_rural', title: '乡村保洁（公益性岗位）', description: '村庄保洁，按小时计酬。', headcount: 6, payBasis: 'hourly', payMin: 22, payMax: 22, schedule: '周一至周五 07:30-10:30', modes: [], skills: [] },
  { employer: 'wendeng', type: 'handicraft', title: '假睫毛手工制作（居家）', description: '文登传统手工，可带回家做，按件结算。', headcount: 15, payBasis: 'per_piece', payMin: 3, payMax: 5, unitsPerHour: 8, schedule: 'flexible', hoursPerWeek: 15, modes: ['take_home'], takeHome: true, skills: ['手工'] },
  { employer: 'wendeng', type: 'stage_full_companion', title: '渔具拴钩（全程陪伴型）', description: '时间地点灵活，适合照顾3岁以下孩子的妈妈。', headcount: 10, payBasis: 'per_piece', payMin: 0.5, payMax: 0.8, unitsPerHour: 50, schedule: 'flexible', hoursPerWeek: 12, modes: ['take_home'], takeHome: true, skills: [] },
  { employer: 'aixin', type: 'stage_flexible_balance', title: '保险顾问（弹性兼顾型）', description: '每周到岗两个上午，其余时间灵活，按业绩计酬。', headcount: 5, payBasis: 'per_task', payMin: 60, payMax: 200, hoursPerTask: 2, schedule: '周二、周四 09:00-11:00', modes: ['flexible_leave', 'new_economy'], skills: ['沟通'] },
];

export interface DemoPerson {
  demoKey: string;
  displayName: string;
}

export const DEMO_MOTHERS: (DemoPerson & {
  idPrefix: string;
  phone: string;
  children: { birthYear: number; birthMonth: number }[];
  regionCode: string;
  home: { lat: number; lng: number };
  school?: { lat: number; lng: number };
  windows: string;
  desiredHourly: number;
  wantedModes: WorkingMode[];
  registeredUnemployedSince?: string;
  station?: string;
})[] = [
  { demoKey: 'mother-wang', displayName: '王芳（孩子2岁）', idPrefix: '37100219930512402', phone: '13806310011', children: [{ birthYear: 2024, birthMonth: 5 }], regionCode: '371002', home: { lat: 37.509, lng: 122.112 }, windows: '周一至周五 09:00-15:00', desiredHourly: 25, wantedModes: ['take_home', 'new_economy'] },
  { demoKey: 'mother-li', displayName: '李娟（孩子4岁）', idPrefix: '37100319900820302', phone: '13806310012', children: [{ birthYear: 2022, birthMonth: 3 }], regionCode: '371002', home: { lat: 37.502, lng: 122.121 }, school: { lat: 37.505, lng: 122.118 }, windows: '周一至周五 08:30-15:30', desiredHourly: 24, wantedModes: ['flexible_leave'] },
  { demoKey: 'mother-zhang', displayName: '张丽（二孩妈妈）', idPrefix: '37100219880303204', phone: '13806310013', children: [{ birthYear: 2016, birthMonth: 9 }, { birthYear: 2019, birthMonth: 11 }], regionCode: '371002', home: { lat: 37.497, lng: 122.109 }, school: { lat: 37.501, lng: 122.114 }, windows: '周一至周五 08:00-16:00', desiredHourly: 22, wantedModes: ['flexible_leave', 'mom_shift'], registeredUnemployedSince: '2026-03-10', station: 'huancui' },
];

export const DEMO_STATIONS = [
  { key: 'huancui', name: '环翠区竹岛街道妈妈岗驿站', regionCode: '371002', address: '环翠区福山路9号社区服务中心一楼', lat: 37.4985, lng: 122.1270, openingHours: '周一至周五 8:30-17:00', services: ['registration', 'career_guidance', 'rights_consultation', 'training'], rightsConsultationHours: '周二、周四、周六上午 律师坐班', hasChildRoom: true },
  { key: 'wendeng', name: '文登区龙山街道妈妈岗服务窗口', regionCode: '371003', address: '文登区龙山路100号便民服务大厅', lat: 37.1985, lng: 122.0560, openingHours: '周一至周五 9:00-16:30', services: ['registration', 'career_guidance'], rightsConsultationHours: null, hasChildRoom: false },
];

export const DEMO_STAFF: (DemoPerson & { role: 'employer_member' | 'station_worker' | 'official'; employer?: string; station?: string; regionCode?: string })[] = [
  { demoKey: 'employer-nuanyang', displayName: '周经理（暖阳服饰）', role: 'employer_member', employer: 'nuanyang' },
  { demoKey: 'employer-aixin', displayName: '刘主任（爱心家政）', role: 'employer_member', employer: 'aixin' },
  { demoKey: 'employer-xinya', displayName: '林园长（新芽托育，待审核）', role: 'employer_member', employer: 'xinya' },
  { demoKey: 'station-huancui', displayName: '陈老师（环翠区驿站）', role: 'station_worker', station: 'huancui', regionCode: '371002' },
  { demoKey: 'station-wendeng', displayName: '郑老师（文登区窗口）', role: 'station_worker', station: 'wendeng', regionCode: '371003' },
  { demoKey: 'official-weihai', displayName: '威海市人社局（市级）', role: 'official', regionCode: '371000' },
  { demoKey: 'official-huancui', displayName: '环翠区人社局', role: 'official', regionCode: '371002' },
];

/** Signed-in users with no role yet: one files a new employer, one starts as a new mother. */
export const DEMO_NEWCOMERS: DemoPerson[] = [
  { demoKey: 'newcomer', displayName: '新用户（尚未备案）' },
  { demoKey: 'newcomer-mother', displayName: '新妈妈（首次使用）' },
];

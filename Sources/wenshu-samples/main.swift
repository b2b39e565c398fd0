// Makes the generated samples in samples/: realistic synthetic units and members, from a
// fixed seed, so the same command always writes the same files. No real person's data.
//   swift run wenshu-samples [samples-folder]
import Foundation
import WenshuRules

/// SplitMix64: small, seedable, the same on every platform.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

let surnames = Array(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
).map(String.init)
let givenChars = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅文斌海燕鹏飞宇辉晨欣怡浩然子涵梓萱雨婷俊杰佳琪思远博文晓东春生永福德胜淑珍凤英喆堃犇淼鑫森").map(
  String.init)
/// Names with rare characters (CJK Extension A and B) and a Uyghur name with a middle dot.
let rareNames = ["买买提·艾力", "李䶮", "王𠇔", "张𪚥", "刘龑", "陈堃", "阿依古丽·吐尔逊", "赵㛃"]
/// Region codes of Henan (郑州 金水区, 开封 鼓楼区, 洛阳 西工区, 新乡 红旗区, 漯河 郾城区).
let regions = ["410105", "410204", "410303", "410702", "411103"]

func idNumber(birth: CivilDate, female: Bool, _ rng: inout SeededGenerator) -> String {
  var sequence = Int.random(in: 0...998, using: &rng)
  if (sequence % 2 == 0) == !female { sequence += 1 }  // odd: male, even: female
  let digits = String(
    format: "%@%04d%02d%02d%03d", regions.randomElement(using: &rng)!, birth.year, birth.month, birth.day, sequence)
  return digits + String(ResidentID.checkCharacter(for: digits)!)
}

func member(_ i: Int, activity: String, printed: CivilDate, _ rng: inout SeededGenerator) -> [String: Any] {
  let female = Bool.random(using: &rng)
  let name: String
  if i % 97 == 5 {
    name = rareNames[(i / 97) % rareNames.count]
  } else {
    let given = (0..<Int.random(in: 1...2, using: &rng)).map { _ in givenChars.randomElement(using: &rng)! }.joined()
    name = surnames.randomElement(using: &rng)! + given
  }
  let year = Int.random(in: 1966...2004, using: &rng)
  let birth = CivilDate(
    year: year, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
  return [
    "name": name, "idNumber": idNumber(birth: birth, female: female, &rng), "sex": female ? "女" : "男",
    "age": birth.age(on: printed), "activity": activity, "status": "执行",
  ]
}

func confirmation(members count: Int, seed: UInt64, unit: [String: String], number: String) -> [String: Any] {
  var rng = SeededGenerator(state: seed)
  let printed = CivilDate(year: 2025, month: 2, day: 25)!
  let activity = "在职职工住院医疗互助保障活动"
  let standard = Amount(fen: 8000)
  let members = (0..<count).map { member($0, activity: activity, printed: printed, &rng) }
  let amount = standard * count
  return [
    "office": "henan",
    "confirmationNumber": number,
    "unit": unit,
    "activities": [
      [
        "name": activity, "period": "2025年03月01日至2026年02月28日", "sharesPerPerson": 1,
        "standard": standard.figures, "memberCount": count, "amount": amount.figures,
      ]
    ],
    "total": amount.figures,
    "notice":
      "本次参加职工互助保障活动的人员详情见《会员名单》，上述内容在申请参加时均符合中国职工保险互助会相关职工互助保障活动的规定，所有参加会员已经正确理解相关职工互助保障活动的内容，如因《会员名单》中所列事项有虚假或者隐瞒，从而导致在申请领取互助金时所产生的一切后果由会员所在单位组织者负责，中国职工保险互助会保留继续追究责任的权利。",
    "remarks": [
      "参加职工互助保障活动的成员同意并授权中国职工保险互助会查询其个人医保数据。",
      "互助保障期满后，符合参加条件的会员在15天内继续参加本活动不再受观察期限制，未在规定时间内续保的，将重新执行观察期。观察期规则详见相关活动条款。",
      "参加单位承诺：单位参保人员名单均为本单位职工，如发生非本单位职工参保的欺骗、欺诈行为，参加单位承担法律责任。",
    ],
    "members": members,
    "printedAt": printed.iso,
  ]
}

func write(_ object: [String: Any], to path: String) throws {
  let data = try JSONSerialization.data(
    withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
  try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
  print("wrote \(path)")
}

let folder = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "samples"
try FileManager.default.createDirectory(atPath: folder + "/confirmation", withIntermediateDirectories: true)
try write(
  confirmation(
    members: 12, seed: 20_250_225,
    unit: ["name": "郑州市金水区第一实验小学工会", "contact": "王丽娟", "phone": "0371-65901234", "address": "河南省郑州市金水区文化路88号"],
    number: "G16002025022510000694"),
  to: folder + "/confirmation/henan-12.json")
try write(
  confirmation(
    members: 2000, seed: 2000,
    unit: ["name": "河南省某某重型机械集团有限公司工会委员会", "contact": "赵建国", "phone": "0371-67881234", "address": "河南省郑州市中原区建设西路200号"],
    number: "G16002025022510002000"),
  to: folder + "/confirmation/henan-2000.json")

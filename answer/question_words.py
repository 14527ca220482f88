"""The words of a question that say how it is asked, not what about: never required of an
answering sentence (answer.signals reads a question's terms without them)."""

from __future__ import annotations

import re

from retrieval.naming import ASKED_KINDS
from retrieval.query import DATE_ASKED, LIST_COUNTERS

# Verbs moving an amount to a level, right before the figure asked ("数量力争增加到多少家",
# "强度要提高到多少"): the level is asked, which a sentence may state its own way ("增至3000
# 家", "达到3.5%"), so the verb is a weak word (not "增加多少": the increment).
TO_LEVEL = re.compile(
    r"(增加|增长|提高|提升|上升|扩大|降低|下降|减少|压减|压缩|增|降)(?:到|至)(?=多少|几)"
)

# The scope a figure is counted in: the place asked decides (Query.regions), the sentence
# need not repeat it ("全省高新技术企业" ← "高新技术企业约7.7万家"); a rank's scope is its
# ranking ("全省第3" is not "全市第3"), so a question of rank keeps them.
SCOPE_WORDS = frozenset(
    "全省 全县 全州 我省 我市 我县 本市 本省"
    # the asker's "the province" ("省里报工信部": a report writes 省级…部门)
    " 省里 市里 区里 县里".split()
)
# Words that say how a question is asked, not what about: never required.
QUESTION_WORDS = frozenset(
    [
        "多少",
        "几",
        "几家",
        "几个",
        "几项",
        "几名",
        "多大",
        # "多大面积" cut as 多 / 大面积: the size asked, no word of the answer
        "大面积",
        "多高",
        "是",
        "有",
        "为",
        "达",
        "达到",
        "到",
        "要",
        "要求",
        "打算",
        "准备",
        "最多",
        "最高",
        # how long, asked of a duration ("原则上最长多久": 不超过18个月)
        "多久",
        "多长时间",
        "多长",
        "最长",
        # the bound a rule sets is its figure ("规模门槛是多少人次": 2000人次以上)
        "门槛",
        "最低",
        "最少",
        "至少",
        "计划",
        "目标",
        "力争",
        "预计",
        "预期",
        "拟",
        "实际",
        "实际数",
        "数",
        "数量",
        "情况",
        "具体",
        "分别",
        "各",
        "各自",  # "各自定的…目标": each of the parts asked, no word of the answer
        "各是",
        "各为",
        "哪",
        "哪些",
        "哪个",
        "哪家",
        "哪份",
        "哪篇",
        "什么",
        "名字",
        "全称",  # "…实验室全称是什么": the name written whole, no word the sentence writes
        "叫",
        "叫什么",
        "文件",
        "材料",
        "文档",
        "报告",
        "里",
        "当地",
        "本地",
        "中",
        "提出",
        "提到",
        "提到过",
        # how a document is said to say it ("哪份报告重申…", "强调…"): its act, not its words
        "重申",
        "强调",
        "指出",
        # "库里哪几份文件…", "哪份材料有报道": the library asked, and how a document tells it
        "库里",
        "库中",
        "报道",
        "报道过",
        "出现",
        "出现过",
        "在",
        "了",
        "的",
        "年",
        "年度",
        "今年",
        "去年",
        "全年",
        "全区",
        "全市",
        "区",
        "市",
        "县",
        "我区",
        "本区",
        "完成",
        "实现",
        # how colloquially a result is asked ("23年做到多少", "实际干了多少")
        "做到",
        "干了",
        "干到",
        # "一个省最多推荐几个": each one, which a rule writes 各省 or 每个
        "一个",
        "一共",
        "总共",
        # how precisely or in what form the figure is asked ("大概多少", "排第几"): the
        # unit and the frame say it, no sentence repeats it
        "大概",
        "大约",
        "大致",
        "差不多",
        "左右",
        "第几",
        "百分之几",
        "百分之多少",
        "排第",
        "排第几",
        "几位",
        "第几位",
        "第几名",
        # the kind of quantity (a total, not the year's additions) is the frame's
        # (answer.frame.Measure), not a word the clause must repeat
        "总量",
        "总数",
        "共有",
        "共计",
        "共",
        "累计",
        "目前",
        "现在",
        "当前",
        # "截至去年底…总数": the time a stock is counted at, which the sentence dates its
        # own way ("全市高新技术企业达到220家" in the review of that year)
        "截至",
        "截止",
        "截止到",
        "底",
        "年底",
        "年末",
        # "搞智能化建设以后减员多少": when, relative to what was done; the sentence says it
        # its own way (通过…, 截止到目前)
        "以后",
        "之后",
        # "报告分析存在问题时说…": where in the document the asker read it, no word the
        # sentence writes (the heading may: 存在问题)
        "时说",
        "时讲",
        "时提到",
        "讲到",
        "说到",
        "谈到",
        "如何",
        "怎么",
        "怎样",
        "主要",
        "一下",
        "请问",
        "呢",
        "吗",
        "和",
        "与",
        "及",
        "以及",
        "或",
        "或者",  # "“双师型”师资或者教师队伍": a choice between words, no word itself
        "对",
        "把",
        "被",
        "跟",
        "同",
        "向",
        "从",
        "由",
        "给",
        "让",
        "签",
        "签的",
        "于",
        "上",
        "下",
        "上半年",
        "下半年",
        "会",
        "能",
        "可以",
        # a bound asked as what may not be passed ("最长不能超过多久"): a rule writes its own
        # (不超过, 不得超过, 以内)
        "不能",
        "想",
        "个",
        "家",
        "项",
        "名",
        "人",
        "件",
        "次",
        "元",
        "万",
        "亿",
        "%",
        # how a list is asked for ("自己说的那些问题有哪几条", "分成哪几个方面来讲"):
        # no enumeration repeats it
        "自己",
        # "这一条的责任单位": the item pointed at, no word of it
        "一条",
        "这条",
        "这项",
        "那些",
        "这些",
        "那个",
        "这个",
        "那份",
        "这份",
        "那条",
        "那项",
        "那篇",
        "这篇",
        # which edition of a document ("工信部那版规范"): the document asked, no word of it
        "那版",
        "这版",
        "分成",
        "分了",
        # where the items stand ("第三部分…下面分了哪几块"): under what is named
        "下面",
        "下边",
        "底下",
        "来讲",
        "讲",
        "讲的",
        "说",
        "说的",
        "讲到",
        "说到",
        "几条",
        "哪几",
        "哪几个",
        "哪几条",
        "哪几项",
        "方面",
        "几个方面",
        "分别是",
        "都有",
        "有哪",
        "最后",
        "最终",
        "又",
        "还",
        "还要",
        "还得",
        "还有",
        # the time of a plan period ("十五五期间"): the years say it (not 时期, which
        # headings name parts by: "“十五五”时期工作的主要考虑")
        "期间",
        # connectives of the asking ("另外再补多少"): a report writes its own or none
        "另外",
        "此外",
        "另",
        "再",
        "也",
        "都",
        "啥",
        # manner and emphasis of the asking ("专门新设立了个什么机构"): no report writes them
        "的话",
        "点名",
        "专门",
        "特意",
        "特地",
        "到底",
        "究竟",
        "已经",
        "曾经",
        # how near it is said to be ("马上就要开了"): the report writes its own (即将召开)
        "马上",
        "就要",
        # the span a figure gathered over ("这五年下来", "一年下来"): the report dates it
        "下来",
        # what a document is loosely said to be about ("智能制造相关认定办法"): its words say it
        "相关",
        "快要",
        "么",
        "做",
        "搞",
        "去",
        "来",
        "过",
        "着",
        "新",
        "方面",
        # a target set ("各自定的…目标是多少"): how it is asked, as 定为/定了
        "定",
        "定为",
        "定在",
        "定了",
        "设定",
        "万元",
        "亿元",
        "万人",
        "平方米",
        "万平方米",
        "百分点",
        "个百分点",
        "万方",
        "方",
        "这块",
        "那块",
        "哪块",
    ]
)

# Phrases that only say how the question is asked ("哪份文件提出…").
QUESTION_PHRASES = re.compile(
    # How a report is named ("省政府2025年工作报告", "24年政府工作报告"): which document, not what.
    r"(?:[省市区县]?(?:人民)?政府)?\s*(?:\d{2,4}年的?)?\s*(?:[省市区县]?(?:人民)?政府)?\s*(?:工作)?报告"
    # …and the verb saying how it says it ("哪份文件规定车企…"): no word of what it says.
    rf"|哪(?:份|个|些|篇|几份)?(?:{ASKED_KINDS})(?:里|中|上)?(?:规定|明确|强调|指出|说)?"
    r"|在(?=哪)|在哪(?:里|儿)"
    # "哪份国家层面的文件": the level or maker of the document asked, no word it writes
    rf"|哪一?(?:份|个|些|篇|几份)[\u4e00-\u9fff]{{1,8}}?的(?:{ASKED_KINDS})(?:里|中|上)?"
    # …said without 的 after a counter of documents ("哪份区级科技局工作总结提到…")
    rf"|哪一?(?:份|篇|几份)[\u4e00-\u9fff]{{1,12}}?(?:{ASKED_KINDS})(?:里|中|上)?"
    # "哪一年的国务院政府工作报告说…": the year asked of the document, whose maker and kind
    # name it, no word of what it says
    rf"|哪一?年的?[\u4e00-\u9fff]{{0,8}}?(?:{ASKED_KINDS})(?:里|中|上)?(?:说|讲|提到|提出)?"
    r"|出现在|提到过?|提出过?|写明|写到|载明|出自|来自|是什么|叫什么|是多少|有多少|分别|各是|各为"
    # "…报告明确讲了当年要…": how plainly it said it, no word of what it says
    r"|(?:明确|专门|特别)?(?:讲|说|写)(?:了|过|到)"
    # "在什么时候之前", "在什么日期之前": when is asked, which the date answers (the
    # sentence writes "…前")
    rf"|(?:在)?(?:{DATE_ASKED})(?:之前|以前|前)?"
    # "…这是哪份文件规定的": how the document said it, no word of what it says
    r"|(?:规定|要求|说)(?=的?[?？]?$)"
    # "报告显示,2004年…", "规划里说,…": the verb reporting what the comma goes on to ask
    r"|(?:里|中)?(?:显示|指出|表明|写道|称|说|讲|提到)(?=,)"
    # "最多几家", "最少多少个": a bound asked, which the report writes its own way (不超过3家)
    r"|(?:最多|最少|至多|最高|最低)(?:几|多少)"
    # "要拿出多大比例": the share asked is its figure's unit (80%), no word of the sentence.
    r"|(?:多大|多少|什么)的?(?:比例|比重|占比)"
    # "临安21年总结里…": the document by its kind, not a word of the answering sentence.
    r"|(?:工作)?(?:总结|计划|规划|方案|要点)(?=里|中)"
    rf"|哪[一二三四五六七八九十两几]+(?:{LIST_COUNTERS})"
    # "哪家单位", "哪个部门": a name is asked, which never writes these words
    r"|(?:哪|什么)(?:家|个|些|几个)?(?:单位|机构|部门)"
    # "…的发文字号是多少": what is asked of the document, no word of its text.
    r"|(?:发文字号|发文号|文号|文件编号)"
    # "哪个城市提出…": the place stands for its document, it is no word of the answer.
    r"|哪(?:个|一个)?(?:省份?|市|区|县|城市|地方|地区)"
    # Who delivered it ("市长在人代会上作的那份报告"): a work report, not words of the figure.
    r"|(?:(?:[省市区县州]长|总理)(?:在)?(?:[省市区县]?人代会|人大(?:会议)?|人民代表大会(?:会议)?)?"
    r"|在?(?:[省市区县]?人代会|人大(?:会议)?|人民代表大会(?:会议)?))"
    r"上?[作做]的?"
    # "由谁来组织申报": who is asked, no word of the sentence naming them
    r"|由?谁来?"
    # "数博会上那场对话", "那次会议": the thing pointed at, by a demonstrative and its counter
    r"|[那这](?:份|篇|个|场|次|届|批|期|部|本|件|回)"
    # "联系人是部里哪个司的": the body the document is from, said in passing
    r"|(?:部|厅|局|委|省|市|区|县)里(?=哪|什么|谁)"
    # "这五年下来": the years the asker counts, which the plan period or year asked dates
    r"|这[一二三四五六七八九十两几\d]+年(?=下来|来|间|里|中)"
    # "三年内打造…", "今后五年间": the span a plan sets, which it dates ("到2023年"), no
    # word of it
    r"|(?:今后|未来)?[一二三四五六七八九十两]年(?=内|间|来)"
    # "由哪些部分构成": what a thing is made of is asked, which no part's words repeat
    r"|由哪(?:些|几个?)[\u4e00-\u9fff]{0,2}?(?:构成|组成)"
    # "(第一到第五)": the numbering of the points asked, which no point's words repeat
    r"|\(?第[一二三四五六七八九十\d]{1,3}(?:条|点|项)?(?:到|至|-|~)第[一二三四五六七八九十\d]{1,3}(?:条|点|项)?\)?"
    # "农业和农村工作部分列了…": the part of the document asked in, which headings name by
    # its subject alone (not "第三部分", a part by its number)
    r"|(?<![第一二三四五六七八九十\d])部分(?=里|中|列|讲|提|说|写|有|,)"
    # "这部分部署了哪几项工作", "列了哪几个场景": how the document set the points out, right
    # before what is asked, no word of any point
    r"|(?:部署|列出|列|提|点|写)了?(?=哪)"
)
EVENT_WORDS = frozenset(
    "新增 新认定 新创建 新建 新培育 新引进 新获批 认定 创建 完成 实现 入选 获得 获评 获 "
    "兑现 投入 投 达到 建设 推进 打造 开展 举办 签 签署 签订 成立 挂牌 引进 培育 办理 "
    "发布 立项 支持 落地 聚焦 加快 推动 深化 实施 组织 建立 组建 新设 设立 出台 "
    "拨付 发放 安排 预算 办 搞 做 引育 服务 拿到 拿下 首次"
    # how points are to be heeded ("要统筹把握哪几条"): the asking more than the items
    " 把握 注意 抓好".split()
)
# Words saying which amount of a thing is asked ("国民收入总额", "企业数量"): the thing's
# own words tell figures apart ("进出口总额" is no 国民收入总额).
AMOUNT_WORDS = frozenset("总额 总量 总数 数量 规模 总规模".split())
ASKING = re.compile(r"^(多少|几|哪|什么|是否|有没有)")
# Characters that join or frame words and name nothing ("是从哪几方面来促的").
FUNCTION_CHARS = frozenset("是从在把被将对为于以来去了的着过也都就还又和与及或向由给让")
RELATIVE_YEAR = re.compile(
    r"(?<![比较])(?:上一?年|去年|前年|明年|当年|今年|本年)|(?<=五)(?:时期|期间)"
)

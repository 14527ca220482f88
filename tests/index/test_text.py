"""index.text: canonical terms, tokenizers by name; index.embed: the fake embedder."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.normalize import normalize
from index.embed import FakeEmbedder, get_embedder, text_key
from index.text import (
    TOKENIZERS,
    canonicalize,
    get_tokenizer,
    index_text,
    synonym_groups,
    user_words,
)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("高企", "高新技术企业"),
        ("国高企", "高新技术企业"),
        ("新增高企637家", "新增高新技术企业637家"),
        ("科小", "科技型中小企业"),
        ("省科小备案", "科技型中小企业备案"),
        ("r&d", "研发"),
        ("r&d经费", "研发经费"),
        ("r&d经费投入强度", "研发投入强度"),
        ("研发强度", "研发投入强度"),
        ("规上工业企业", "规模以上工业企业"),
        ("技术交易额", "技术合同成交额"),
        ("高新技术企业", "高新技术企业"),  # canonical forms stay
        ("首批(次)新材料", "首批次新材料"),  # a one-character bracket inside a word
        ("首版（次）软件", "首版次软件"),
        ("县(市、区)", "县(市、区)"),  # a list in brackets stays
        ("引进国(境)外智力", "引进国外智力"),  # a variant written with such a bracket
        ("把(一)到(八)列出来", "把(一)到(八)列出来"),  # numbered items keep their brackets
        ("pm2.5平均浓度", "细颗粒物平均浓度"),  # the air-quality measure, as staff write it
        ("细颗粒物(pm2.5)年均浓度", "细颗粒物年均浓度"),
        ("城乡低保标准", "城乡最低生活保障"),  # 低保, as staff write it
        ("省科技进步奖一等奖", "省科学技术进步奖一等奖"),
        ("制修订20项国标、行标", "制修订20项国家标准、行业标准"),  # standards, as staff say
        ("头一回由代表选出", "首次由代表选举产生"),  # colloquial 头一回, 选出
        ("全社会研发支出占gdp比重", "研发投入强度"),  # R&D spending as a share of GDP
        ("全社会研发支出", "全社会研发经费"),
        ("全社会研发经费占地区生产总值的比重", "研发投入强度"),  # the share's 的 says nothing
        # R&D intensity is the whole society's by definition: its 占比 too, not a firm's
        ("全社会研发经费投入占比达到2.88%", "研发投入强度达到2.88%"),
        ("全社会研发投入强度", "研发投入强度"),
        ("企业研发投入占比高", "企业研发投入比重高"),
        # the share written "相当于…生产总值的比例" (Shanghai's reports) or "占gdp比例"
        ("全社会研发经费支出相当于全市生产总值的比例达到4.4%", "研发投入强度达到4.4%"),
        ("全社会研发经费支出占gdp比例", "研发投入强度"),
        ("环保投入相当于全市生产总值的比例", "环保投入占地区生产总值比重"),
        ("研发经费相当于国内生产总值的比例", "研发投入强度"),
        ("全社会研发经费支出与国内生产总值之比达到2.08%", "研发投入强度达到2.08%"),
    ],
)
def test_canonicalize(text: str, canonical: str) -> None:
    assert canonicalize(text) == canonical


def test_index_text_normalises_first() -> None:
    assert index_text("Ｒ＆Ｄ經費") == "研发经费"
    assert index_text("R&D") == "研发"
    assert index_text("高企") == index_text("高新技术企业")


def test_canonicalize_is_idempotent_on_every_synonym() -> None:
    for canonical, variants in synonym_groups():
        for word in (canonical, *variants):
            once = canonicalize(word)
            assert canonicalize(once) == once, word


def test_near_synonym_rows_are_not_folded() -> None:
    canon = {c for c, _ in synonym_groups()}
    assert "研发" in canon and "高新技术企业" in canon
    assert not any(c.startswith("~") for c in canon)
    assert canonicalize("新认定") == "新认定"  # only a "~新增" near-synonym


def test_a_thing_relates_to_its_kinds_but_no_kind_to_another() -> None:
    from index.text import related_terms

    related = related_terms()
    assert "高新技术产业增加值" in related["增加值"]
    assert "高新技术产业增加值" not in related  # a kind is asked as itself, no other kind
    assert not any(c.startswith("^") for c, _ in synonym_groups())


def test_user_words_are_normalised_han() -> None:
    words = user_words()
    assert "高新技术企业" in words
    assert all(len(w) >= 2 and not w.isascii() and normalize(w) == w for w in words)


@pytest.mark.parametrize("name", sorted(TOKENIZERS))
def test_tokenizer_by_name(name: str) -> None:
    tokenize = get_tokenizer(name)
    assert tokenize is TOKENIZERS[name]
    tokens = tokenize(index_text("余杭区2023年新增高企637家,研发投入强度4.55%。"))
    assert tokens and all(t.strip() == t and t for t in tokens)
    assert "," not in tokens and "。" not in tokens
    assert "的" not in tokenize("科技的创新")


def test_unknown_tokenizer_lists_names() -> None:
    with pytest.raises(ValueError) as exc:
        get_tokenizer("whitespace")
    message = str(exc.value)
    assert "whitespace" in message
    for name in TOKENIZERS:
        assert name in message


def test_jieba_keeps_domain_words_whole() -> None:
    tokens = get_tokenizer("jieba")(index_text("新增高新技术企业637家"))
    assert "高新技术企业" in tokens
    assert "637" in tokens


def test_bigram_tokenizer() -> None:
    assert get_tokenizer("bigram")("科技创新 r&d 4.55%") == ["科技", "技创", "创新", "r&d", "4.55%"]


# --- FakeEmbedder -------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=6))
def test_fake_embedder_deterministic_and_normalised(texts: list[str]) -> None:
    emb = FakeEmbedder()
    a = emb.encode(texts)
    b = FakeEmbedder().encode(list(texts))
    assert a.shape == (len(texts), emb.dim)
    assert a.dtype == np.float32
    assert np.array_equal(a, b)
    norms = np.linalg.norm(a, axis=1)
    assert np.all((np.abs(norms - 1.0) < 1e-5) | (norms == 0.0))


def test_fake_embedder_batch_independent() -> None:
    emb = FakeEmbedder()
    texts = ["余杭新增高企", "临安研发投入强度", "瓯海科技"]
    batch = emb.encode(texts)
    for i, t in enumerate(texts):
        assert np.array_equal(emb.encode([t])[0], batch[i])


def test_fake_embedder_similarity() -> None:
    emb = FakeEmbedder()
    q, near, far = emb.encode(["新增高新技术企业", "全年新增高新技术企业637家", "加强组织领导"])
    assert float(q @ near) > float(q @ far)


def test_get_embedder_fake(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(get_embedder("fake"), FakeEmbedder)
    assert isinstance(get_embedder(FakeEmbedder.model_id), FakeEmbedder)
    monkeypatch.setenv("POLICYQA_MODEL", "fake")
    assert get_embedder().model_id == FakeEmbedder.model_id


def test_text_key_stable() -> None:
    assert text_key("高企") == text_key("高企") != text_key("高新技术企业")
    assert len(text_key("")) == 40


def test_a_short_form_running_out_of_a_quoted_name_is_no_word() -> None:
    from index.text import canonicalize

    assert "高新技术企业" not in canonicalize("认定“三高”企业247户")
    assert "高新技术企业" not in canonicalize('认定"三高"企业247户')
    assert canonicalize("新增“高企”100家") == canonicalize("新增高企100家")
    # quoted names next to each other still join ("尖兵""领雁")
    assert canonicalize("“尖兵”“领雁”研发攻关计划") == canonicalize("尖兵领雁研发攻关计划")


def test_everyday_abbreviations_of_reports_fold_to_their_full_names() -> None:
    assert canonicalize("无锡固投目标") == canonicalize("无锡固定资产投资目标")
    assert canonicalize("综保区进出口额") == canonicalize("综合保税区进出口额")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="研发投入经费强度高企", min_size=1, max_size=5), max_size=12),
    st.text(alphabet="研发投入经费强度高企,的", max_size=40),
)
def test_the_words_trie_matches_as_their_longest_first_alternation(
    words: list[str], text: str
) -> None:
    from index.text import longest_first

    words = list(dict.fromkeys(words))
    if not words:
        return
    plain = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    trie = re.compile(longest_first(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_rural_insurance_schemes_are_named_by_their_short_names() -> None:
    from index.text import canonicalize

    # "把新农保试点扩大到全国40%的县": 新型农村社会养老保险, as a report writes it
    assert canonicalize("新农保试点") == canonicalize("新型农村社会养老保险试点")
    assert canonicalize("新农合参合率") == canonicalize("新型农村合作医疗参合率")

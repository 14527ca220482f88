def test_a_quoted_count_name_then_what_they_are_then_the_items() -> None:
    from corpus.document import parse_text
    from corpus.sentence_lists import inline_lists

    doc = parse_text(
        "报告\n一、总体要求\n体现了甲提出的“四个坚持”重大原则,即坚持党的领导、坚持人民至上、"
        "坚持统筹发展和安全、坚持有效市场和有为政府相结合。\n",
        "x.txt",
    )
    found = [e for e in inline_lists(doc) if e.count == 4]
    assert [[doc.text[i.start : i.end] for i in e.items] for e in found] == [
        ["坚持党的领导", "坚持人民至上", "坚持统筹发展和安全", "坚持有效市场和有为政府相结合"]
    ]

import pytest

from desktop_app.domain.masking import mask_contact, mask_email, mask_id_number, mask_phone


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812345678", "138****5678"),
        (" 13812345678 ", "138****5678"),
        ("+8613812345678", "+86138****5678"),
        ("010-87654321", "010-****4321"),
        ("1234567", "*******"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(raw, masked):
    assert mask_phone(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("zhang@example.com", "z***@example.com"),
        ("z@example.com", "z***@example.com"),
        ("12345678@qq.com", "1***@qq.com"),
        ("not-an-email", "************"),
        ("@example.com", "************"),
        ("", ""),
    ],
)
def test_mask_email(raw, masked):
    assert mask_email(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("110101199003071234", "110***********1234"),
        ("11010119900307123X", "110***********123X"),
        ("12345678", "********"),
        ("123456789", "123**6789"),
        (None, ""),
    ],
)
def test_mask_id_number(raw, masked):
    assert mask_id_number(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812345678", "138****5678"),
        ("zhang@example.com", "z***@example.com"),
        ("13812345678;zhang@example.com", "138****5678;z***@example.com"),
        ("13812345678 / zhang@example.com", "138****5678 / z***@example.com"),
        ("13812345678 zhang@example.com", "138****5678 z***@example.com"),
        ("zhang@example.com；13812345678", "z***@example.com；138****5678"),
        ("123", "***"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_contact(raw, masked):
    assert mask_contact(raw) == masked


def test_masked_values_hide_the_middle_digits():
    for phone in ("13800000000", "19912345678", "15098765432"):
        masked = mask_phone(phone)
        assert masked[3:7] == "****"
        assert len(masked) == len(phone)


def test_mask_free_text():
    from desktop_app.domain.masking import mask_free_text

    text = "李雷来电：手机13812345678，座机010-62345678，+86 139 0000 1111，身份证11010119900307123X，邮箱li.lei@example.com，订单3件"
    masked = mask_free_text(text, ("李雷",))
    assert masked == (
        "**来电：手机138****5678，座机010-****5678，+86 139 **** 1111，身份证110***********123X，"
        "邮箱l***@example.com，订单3件"
    )
    assert mask_free_text("") == "" and mask_free_text("无号码", ("",)) == "无号码"

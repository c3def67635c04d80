"""Error pages speak Vietnamese, and no link of a member's home page leads to one."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.views import defaults

from tests.test_reads_never_write import same_site_links

pytestmark = pytest.mark.django_db


def test_it_follows_every_link_of_the_members_home_page_to_a_page(client_for):
    client = client_for("thanhvien")
    home = client.get("/").content.decode()
    assert "Báo cáo của các xã được phân công" in home
    for link in same_site_links(home, "/"):
        assert client.get(link).status_code == 200, link


def test_it_answers_an_unknown_page_in_vietnamese_inside_the_site(client_for):
    response = client_for("thanhvien").get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "Not Found" not in html
    assert "Về trang chủ" in html and "Đăng xuất" in html  # the site's own shell


def test_it_refuses_in_vietnamese(client_for):
    response = client_for("chuthapdo").get("/kiem-tra/")
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()
    assert "Forbidden" not in response.content.decode()


def test_it_answers_a_bad_request_and_a_server_error_in_vietnamese():
    request = RequestFactory().get("/")
    bad = defaults.bad_request(request, Exception("bad"))
    assert bad.status_code == 400 and "Yêu cầu không hợp lệ" in bad.content.decode()
    error = defaults.server_error(request)
    assert error.status_code == 500
    assert "Lỗi máy chủ" in error.content.decode()
    assert "Server Error" not in error.content.decode()

"""`wenshu preview` in headless Chromium (run by scripts/preview-test, in its venv).

In a copy of Layouts/ and samples/ (the checkout is never touched): loads the page, types a
new unit name and sees the page image change, breaks an ID number and sees its problem with
its path (and choosing it selects the value in the text), edits the title in the layout file
and sees the image change without touching the browser, breaks the YAML and sees file:line,
then fixes it and sees the same pages again. Exits non-zero on any failure; always stops its
server and browser.
Usage: preview-browser.py WENSHU_BINARY SCREENSHOT.png"""
import hashlib, json, os, queue, shutil, signal, subprocess, sys, tempfile, threading

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary, screenshot = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
WAIT = 60  # seconds for one step; a debug build on 2 shared cores is slow


def step(name):
    print(f"preview-test: {name}", flush=True)


def start_server(home, log):
    """`wenshu preview --port 0`; returns the process and the URL it prints."""
    server = subprocess.Popen([binary, "preview", "--port", "0"], cwd=home, env=dict(os.environ, WENSHU_HOME=home),
                              stdout=subprocess.PIPE, stderr=log, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: lines.put(server.stdout.readline()), daemon=True).start()
    try:
        url = lines.get(timeout=WAIT).strip()
    except queue.Empty:
        url = ""
    if not url.startswith("http://127.0.0.1:"):
        raise AssertionError(f"the preview printed no URL on 127.0.0.1 (got {url!r})")
    return server, url


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,960",
                     "--lang=zh-CN", "--disable-gpu"]:
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def main():
    home = tempfile.mkdtemp(prefix="wenshu-preview-")
    shutil.copytree(os.path.join(root, "Layouts"), os.path.join(home, "Layouts"))
    shutil.copytree(os.path.join(root, "samples"), os.path.join(home, "samples"))
    os.symlink(os.path.join(root, "fonts"), os.path.join(home, "fonts"))
    layout = os.path.join(home, "Layouts/confirmation.yaml")
    original = open(layout, encoding="utf-8").read()
    log_path = os.path.join(home, "preview.log")
    log = open(log_path, "w")
    server = driver = None
    sample = json.load(open(os.path.join(root, "samples/confirmation/henan-12.json"), encoding="utf-8"))
    try:
        server, url = start_server(home, log)
        step(f"server at {url}")
        driver = browser()
        wait = WebDriverWait(driver, WAIT, poll_frequency=0.1)
        area = lambda: driver.find_element(By.ID, "data")
        state = lambda: driver.find_element(By.TAG_NAME, "body").get_attribute("data-state")
        image = lambda: hashlib.sha256((driver.find_element(By.ID, "page-image").get_attribute("src") or "")
                                       .encode()).hexdigest()

        def until(what, condition):
            try:
                return wait.until(lambda _: condition())
            except TimeoutException:
                raise AssertionError(f"{what} within {WAIT} s (state {state()!r}, "
                                     f"status {driver.find_element(By.ID, 'status').text!r})")

        def retype(old, new):
            """Selects the first `old` in the text area and types `new` over it, as a person would."""
            text = area().get_attribute("value")
            start = text.index(old)
            driver.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);",
                                  area(), start, start + len(old))
            area().send_keys(new)
            until(f"the text area to hold {new!r}", lambda: new in area().get_attribute("value"))

        driver.get(url)
        until("the first sample rendered", lambda: state() == "ready" and image() != hashlib.sha256(b"").hexdigest())
        # The pickers list documents by name; the steps below work on the 确认书's first sample.
        if driver.find_element(By.ID, "document").get_attribute("value") != "confirmation":
            Select(driver.find_element(By.ID, "document")).select_by_value("confirmation")
            until("the confirmation's first sample shown", lambda: state() == "ready"
                  and driver.find_element(By.ID, "sample").get_attribute("value") == "henan-12"
                  and '"confirmationNumber"' in area().get_attribute("value"))
        first = image()
        pages = driver.find_element(By.ID, "page-count").text
        step(f"page 1 of {pages} shown")
        page_number = lambda: driver.find_element(By.ID, "page-number").get_attribute("value")
        driver.find_element(By.ID, "next-page").click()
        until("page 2 shown", lambda: state() == "ready" and page_number() == "2" and image() != first)
        driver.find_element(By.ID, "prev-page").click()
        until("page 1 shown again", lambda: state() == "ready" and page_number() == "1" and image() == first)
        width = lambda: driver.execute_script("return document.getElementById('page-image').naturalWidth;")
        at100 = width()
        Select(driver.find_element(By.ID, "zoom")).select_by_value("1.5")
        until("the page drawn larger at 150%", lambda: state() == "ready" and width() > at100 * 1.4)
        Select(driver.find_element(By.ID, "zoom")).select_by_value("1")
        until("the page back at 100%", lambda: state() == "ready" and image() == first)
        step(f"next and previous page, zoom 150% ({at100} → {round(at100 * 1.5)} px wide) and back")

        unit = sample["unit"]["name"]
        retype(unit, "预览测试工会")
        until("the page image to change after the unit name was typed", lambda: state() == "ready" and image() != first)
        renamed = image()
        step("typed a new unit name: the page image changed")

        member = sample["members"][0]["idNumber"]
        broken = member[:-1] + ("1" if member[-1] != "1" else "2")
        retype(member, broken)
        path = "members[0].idNumber"
        until(f"a problem at {path}", lambda: state() == "problems" and driver.find_elements(
            By.CSS_SELECTOR, f'#problems li.problem[data-path="{path}"]'))
        driver.find_element(By.CSS_SELECTOR, f'#problems li.problem[data-path="{path}"]').click()
        selected = driver.execute_script(
            "const a = arguments[0]; return a.value.slice(a.selectionStart, a.selectionEnd);", area())
        if selected != json.dumps(broken):
            raise AssertionError(f"choosing the problem selected {selected!r}, not the ID number {broken!r}")
        step(f"broke an ID number: problem listed at {path}, choosing it selects {selected}")
        retype(broken, member)
        until("the page back after fixing the ID number", lambda: state() == "ready" and image() == renamed)

        # From here on the browser is only read: the preview must notice the file by itself.
        title = '参加职工互助保障活动确认书"'
        edited = original.replace(title, '参加职工互助保障活动确认书（预览）"', 1)
        if edited == original:
            raise AssertionError("the title to edit is not in Layouts/confirmation.yaml")
        open(layout, "w", encoding="utf-8").write(edited)
        until("the page image to change after the layout's title was edited",
              lambda: state() == "ready" and image() not in (renamed, first))
        retitled = image()
        step("edited the title in Layouts/confirmation.yaml: the page image changed")

        open(layout, "w", encoding="utf-8").write(edited + "\nbody: [unclosed\n")
        until("the YAML error shown", lambda: state() == "layout-error")
        where = driver.find_element(By.ID, "layout-error-where").text
        if not where.startswith("Layouts/confirmation.yaml:") or where.endswith(":0"):
            raise AssertionError(f"the YAML error names {where!r}, not the file and a line")
        step(f"broke the YAML: the page shows {where}")

        line = edited.split("\n").index(next(l for l in edited.split("\n") if l.startswith("  - title: \"{office")))
        unknown = edited.replace("  - title: \"{office", "  - titel: \"{office", 1)
        open(layout, "w", encoding="utf-8").write(unknown)
        expected = f"Layouts/confirmation.yaml:{line + 1}"
        until(f"the unknown element shown at {expected}",
              lambda: driver.find_element(By.ID, "layout-error-where").text == expected)
        message = driver.find_element(By.ID, "layout-error-message").text
        driver.save_screenshot(screenshot.replace(".png", "-layout-error.png"))
        if "titel" not in message:
            raise AssertionError(f"the message does not name the unknown element: {message!r}")
        step(f"an unknown element: the page shows {expected}: {message[:60]}")

        open(layout, "w", encoding="utf-8").write(edited)
        until("the pages back after the layout was fixed", lambda: state() == "ready" and image() == retitled)
        if not driver.find_element(By.ID, "layout-error").get_attribute("hidden"):
            raise AssertionError("the layout error is still shown")
        step("fixed the layout: the same page is shown again")

        driver.save_screenshot(screenshot)
        retype(member, broken)
        until("the problem listed again", lambda: state() == "problems")
        driver.save_screenshot(screenshot.replace(".png", "-problem.png"))
        step(f"screenshots: {screenshot}, {screenshot.replace('.png', '-problem.png')}")

        # The pickers: another document loads its first sample; a variant chosen is written into the data.
        Select(driver.find_element(By.ID, "document")).select_by_value("notification")
        until("the notification's first sample shown", lambda: state() == "ready"
              and '"union": "上海市浦东新区总工会"' in area().get_attribute("value"))
        if driver.find_element(By.ID, "variant").get_attribute("value") != "district":
            raise AssertionError("the variant picker does not show the data's variant, district")
        district = image()
        Select(driver.find_element(By.ID, "variant")).select_by_value("default")
        # The district's data does not fit the grassroots form: its problems are listed instead.
        until("the default variant written into the data and checked", lambda: '"variant": "default"' in
              area().get_attribute("value") and (state() == "problems" or state() == "ready" and image() != district))
        step(f"another document, and a variant chosen: written into the data ({state()})")

        log.flush()
        logged = open(log_path, encoding="utf-8").read()
        for secret in [m["name"] for m in sample["members"]] + [m["idNumber"] for m in sample["members"]] + [broken]:
            if secret in logged:
                raise AssertionError(f"the server's log holds personal data ({secret[:1]}…)")
        print("preview-test: 1 passed, 0 failed", flush=True)
    finally:
        if driver:
            driver.quit()
        if server:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    # `timeout` stops the run with SIGTERM: exit through the finally that stops server and browser.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("preview-test: FAILED: out of time"))
    try:
        main()
    except Exception as failure:  # an assertion, or the browser or server failing
        print(f"preview-test: FAILED: {type(failure).__name__}: {failure}", file=sys.stderr)
        print("preview-test: 0 passed, 1 failed", flush=True)
        sys.exit(1)

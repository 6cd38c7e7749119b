#!/usr/bin/env python3
"""Run axe-core over pages of a running hub in headless Chromium, in Japanese and English.

Outside the test suite, for a wider look than the browser ITs (docs/testing.md, "Accessibility
checks"): any pages, any person, stricter rule sets, axe's "incomplete" results, and a full-page
screenshot of each page. Talks to Debian's chromedriver over its own HTTP protocol (the WebDriver
standard), so it needs nothing but Python 3, chromium and chromium-driver. axe.min.js comes from
the Maven Central jar the ITs use (com.deque.html.axe-core:selenium, in ~/.m2 after a build).

  bench/axe-walk.py --base http://127.0.0.1:18130 --login admin:PASSWORD \\
      --shots /tmp/a11y /admin/audit /admin/misnamed-identities /worklist/cancelled
  bench/axe-walk.py ... --strict        # adds WCAG AAA (contrast 7:1) and incomplete results

Prints one line per page and language: its serious/critical violations (the ITs' gate), then the
others; exits 1 when any page has a serious or critical one.
"""
import argparse
import base64
import glob
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile


def axe_source(path):
    if path:
        return open(path, encoding='utf-8').read()
    jars = sorted(glob.glob(os.path.expanduser(
        '~/.m2/repository/com/deque/html/axe-core/selenium/*/selenium-*.jar')))
    if not jars:
        sys.exit('axe.min.js not found: build once (./mvnw -o install) or pass --axe')
    with zipfile.ZipFile(jars[-1]) as z:
        return z.read('axe.min.js').decode('utf-8')


class Driver:
    """A chromedriver process and one headless Chromium session."""

    def __init__(self, width, height):
        with socket.socket() as s:
            s.bind(('127.0.0.1', 0))
            self.port = s.getsockname()[1]
        self.proc = subprocess.Popen(['chromedriver', f'--port={self.port}'],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(f'http://127.0.0.1:{self.port}/status', timeout=2)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                f'--window-size={width},{height}', '--hide-scrollbars']
        caps = {'capabilities': {'alwaysMatch': {'browserName': 'chrome', 'goog:chromeOptions': {
            'binary': '/usr/bin/chromium', 'args': args}}}}
        self.sid = self.call('POST', '/session', caps)['sessionId']
        self.call('POST', f'/session/{self.sid}/timeouts', {'script': 120000, 'pageLoad': 120000})

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f'http://127.0.0.1:{self.port}{path}', data=data,
                                     method=method, headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(req, timeout=300) as r:
                return json.loads(r.read()).get('value')
        except urllib.error.HTTPError as e:
            raise RuntimeError(json.loads(e.read())['value'].get('message', '')[:300]) from None

    def s(self, method, path, body=None):
        return self.call(method, f'/session/{self.sid}{path}', body)

    def js(self, script, *args):
        return self.s('POST', '/execute/sync', {'script': script, 'args': list(args)})

    def element(self, css):
        return list(self.s('POST', '/element', {'using': 'css selector', 'value': css}).values())[0]

    def wait(self, script, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if self.js(script):
                    return True
            except RuntimeError:
                pass
            time.sleep(0.5)
        return False

    def quit(self):
        try:
            self.s('DELETE', '')
        finally:
            self.proc.terminate()


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--base', default='http://127.0.0.1:8080')
    p.add_argument('--login', required=True, help='login:password of the person to walk as')
    p.add_argument('--langs', default='ja,en')
    p.add_argument('--width', type=int, default=1280)
    p.add_argument('--strict', action='store_true', help='add WCAG AAA and incomplete results')
    p.add_argument('--axe', help='path of axe.min.js (default: from the Maven jar in ~/.m2)')
    p.add_argument('--shots', help='directory for full-page screenshots')
    p.add_argument('paths', nargs='+')
    a = p.parse_args()
    axe = axe_source(a.axe)
    login, password = a.login.split(':', 1)
    tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
    if a.strict:
        tags.append('wcag2aaa')
    options = json.dumps({'runOnly': {'type': 'tag', 'values': tags},
                          'resultTypes': ['violations', 'incomplete'] if a.strict else ['violations']})
    if a.shots:
        os.makedirs(a.shots, exist_ok=True)
    d = Driver(a.width, 900)
    failed = False
    try:
        d.s('POST', '/url', {'url': a.base + '/login'})
        for css, text in (('#login', login), ('#password', password)):
            d.s('POST', f'/element/{d.element(css)}/value', {'text': text})
        d.s('POST', f'/element/{d.element("#sign-in")}/click', {})
        if not d.wait("return !!document.getElementById('mainnav')"):
            sys.exit('sign-in as %s failed: %s' % (login, d.js('return document.body.innerText')[:300]))
        for lang in a.langs.split(','):
            if d.js('return document.documentElement.lang') != lang:
                d.s('POST', f'/element/{d.element("#lang-" + lang)}/click', {})
                d.wait(f"return document.documentElement.lang === '{lang}'")
            for path in a.paths:
                d.s('POST', '/url', {'url': a.base + path})
                d.wait("return document.readyState === 'complete'")
                d.js(axe)
                found = d.s('POST', '/execute/async', {'args': [], 'script':
                    'const done = arguments[arguments.length - 1];'
                    f'axe.run(document, {options}).then(r => done(['
                    'r.violations.map(v => [v.impact, v.id, v.nodes.length,'
                    " v.nodes.slice(0, 3).map(n => n.target.join(' '))]),"
                    '(r.incomplete || []).map(v => [v.impact, v.id, v.nodes.length,'
                    " v.nodes.slice(0, 3).map(n => n.target.join(' '))])]))"
                    ".catch(e => done([[['critical', 'axe failed: ' + e, 0, []]], []]));"})
                serious = [v for v in found[0] if v[0] in ('serious', 'critical')]
                other = [v for v in found[0] if v not in serious]
                failed |= bool(serious)
                sideways = d.js('return document.scrollingElement.scrollWidth - window.innerWidth;')
                print(f'{lang} {path}: serious/critical {json.dumps(serious, ensure_ascii=False)}'
                      f' other {json.dumps(other, ensure_ascii=False)}'
                      + (f' incomplete {json.dumps(found[1], ensure_ascii=False)}' if a.strict else '')
                      + (f' sideways {sideways} px' if sideways > 0 else ''), flush=True)
                if a.shots:
                    rect = d.s('GET', '/window/rect')
                    height = d.js('return Math.min(document.documentElement.scrollHeight, 8000);')
                    d.s('POST', '/window/rect', {'width': rect['width'], 'height': height + 100})
                    name = lang + '-' + (path.strip('/').replace('/', '-').replace('?', '-') or 'home')
                    with open(os.path.join(a.shots, name + '.png'), 'wb') as f:
                        f.write(base64.b64decode(d.s('GET', '/screenshot')))
                    d.s('POST', '/window/rect', {'width': rect['width'], 'height': rect['height']})
    finally:
        d.quit()
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()

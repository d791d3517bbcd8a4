#!/usr/bin/env python3
"""Adds lockfile entries for other platforms' optional binaries (darwin, win32, ...).

The registry reachable here serves only some platform packages, so `npm install` writes a lock
without them and `npm ci` then refuses the lock ("Missing: ... from lock file"). The entries added
are marked optional with their os/cpu, so npm skips them on a non-matching machine without fetching.
Run after changing dependencies: python3 scripts/lock-add-foreign-platforms.py
"""
import json, re, sys

path = 'package-lock.json'
lock = json.load(open(path))
pkgs = lock['packages']
added = 0
OS = {'darwin': 'darwin', 'win32': 'win32', 'linux': 'linux', 'android': 'android', 'freebsd': 'freebsd'}
for key, meta in list(pkgs.items()):
    for name, version in (meta.get('optionalDependencies') or {}).items():
        base = key + '/node_modules/' + name if key else 'node_modules/' + name
        if base in pkgs or ('node_modules/' + name) in pkgs:
            continue
        m = re.search(r'(android|darwin|win32|linux|freebsd)-(arm64|x64|ia32|arm|ppc64|s390x)', name)
        if not m:
            continue
        entry = {'version': version.lstrip('^~='), 'dev': meta.get('dev', False), 'optional': True,
                 'os': [OS[m.group(1)]], 'cpu': [m.group(2)]}
        if not entry['dev']:
            del entry['dev']
        if 'musl' in name:
            entry['libc'] = ['musl']
        elif m.group(1) == 'linux' and 'gnu' in name:
            entry['libc'] = ['glibc']
        pkgs['node_modules/' + name] = entry
        added += 1
lock['packages'] = dict(sorted(pkgs.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(path, 'w'), indent=2)
open(path, 'a').write('\n')
print(f'added {added} foreign-platform entries', file=sys.stderr)

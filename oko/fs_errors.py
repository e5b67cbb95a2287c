"""Russian words for what the operating system refused (OSError): what happened and what to do.

The system's own text (`strerror`) is English and depends on the platform, so the message is chosen
by the error number instead; the path the system named is shown as it is.
"""

from __future__ import annotations

import errno

_OUT = "укажите другую папку (--out)"

# errno → (what happened, what to do)
_WORDS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("на диске не хватает места",
                   "освободите место на диске (сборке нужно место на две копии сайта: прежнюю и новую) или " + _OUT),
    errno.EDQUOT: ("исчерпана квота на диске", "освободите место в пределах квоты или " + _OUT),
    errno.EACCES: ("нет прав на запись или чтение", "проверьте права на эту папку или " + _OUT),
    errno.EPERM: ("система запрещает это действие", "проверьте права на эту папку или " + _OUT),
    errno.EROFS: ("диск доступен только для чтения", "укажите папку на диске, доступном для записи (--out)"),
    errno.ENOTDIR: ("в пути есть файл там, где должна быть папка",
                    "укажите в --out путь, все части которого — папки"),
    errno.EEXIST: ("на месте папки уже есть файл", "переименуйте этот файл или " + _OUT),
    errno.EISDIR: ("на месте файла уже есть папка", "удалите эту папку или " + _OUT),
    errno.ELOOP: ("символические ссылки в пути образуют петлю", "исправьте ссылки или " + _OUT),
    errno.ENOENT: ("такого места нет или в нём нельзя создавать файлы (например, в /proc)",
                   "укажите обычную папку на диске (--out)"),
    errno.EXDEV: ("папка — точка монтирования или лежит на другом диске, её нельзя заменить целиком",
                  "укажите папку внутри неё, например «…/site»"),
    errno.EBUSY: ("папка занята: это точка монтирования или её держит другая программа",
                  "укажите папку внутри неё, например «…/site», или закройте программу"),
    errno.ENAMETOOLONG: ("слишком длинное имя или путь", "укажите папку с путём покороче"),
    errno.EIO: ("ошибка ввода-вывода: диск не прочитал или не записал данные", "проверьте диск и повторите"),
    errno.EMFILE: ("открыто слишком много файлов", "закройте другие программы и повторите"),
    errno.ENFILE: ("в системе открыто слишком много файлов", "закройте другие программы и повторите"),
    errno.ENOMEM: ("не хватает памяти", "закройте другие программы и повторите"),
    errno.ENOTEMPTY: ("папка не пуста", _OUT),
    errno.EADDRINUSE: ("адрес уже занят: на этом порту работает другая программа",
                       "укажите другой порт (--port) или остановите ту программу"),
}


def what_happened(exc: OSError) -> tuple[str, str]:
    """(what happened, what to do) in Russian for an OSError, whatever its number."""
    if exc.errno in _WORDS:
        return _WORDS[exc.errno]
    code = errno.errorcode.get(exc.errno, str(exc.errno)) if exc.errno is not None else "без кода"
    return (f"системная ошибка {code}", "повторите; если ошибка повторится, проверьте диск и права на папку")


def os_error_message(exc: OSError, doing: str) -> str:
    """«ошибка: <doing>: <what happened> («path»).\\nЧто сделать: <hint>.» — no traceback, no English."""
    happened, hint = what_happened(exc)
    paths = [str(name) for name in (exc.filename, exc.filename2) if name is not None]
    where = f" ({', '.join(f'«{path}»' for path in paths)})" if paths else ""
    return f"ошибка: {doing}: {happened}{where}.\nЧто сделать: {hint}.\n"

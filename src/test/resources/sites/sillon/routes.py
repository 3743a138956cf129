"""WordPress plain permalinks: /?p=N serves _wp/p-N.html (folders starting with _ are never served as files)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def handle(path, query):
    if path != "/" or "p" not in query:
        return None
    f = os.path.join(HERE, "_wp", "p-" + query["p"][0] + ".html")
    if not os.path.isfile(f):
        return (404, "text/html; charset=utf-8", "<!doctype html><title>Page non trouvée</title><h1>Page non trouvée</h1>")
    with open(f, encoding="utf-8") as fh:
        return (200, "text/html; charset=utf-8", fh.read())

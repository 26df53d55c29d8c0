/* The block price's row table compiled: an optional accelerator of
 * repair.score.ocr_price._block_cost (issue 14, session 57).
 *
 * _block_cost prices printed src as true dst (lower case) with a small dynamic programme:
 * equal glyphs free, generic edits, and the learned rows of each printed run of src
 * (ocr_price._rows_from: a dict {true run: cost}, true runs of at most 3 glyphs).
 * _ocrwalk.block_cost runs it over those dicts: it makes every substring of dst up to the
 * longest true run (a str object each) and looks each one up in the run's dict, so most of
 * a block's time went to making, hashing and looking up strings.
 *
 * Here each run's rows come as a bytes table (ocr_price._packed_from: one ROW_BYTES entry
 * a row, the cost as a double and the true run's code points), and the programme compares
 * code points.  Exact: the dict lookup of dst[j:j + b] for b = 0 .. min(longest, m - j)
 * finds exactly the rows whose true run equals some such substring, i.e. the rows of
 * length L <= m - j whose glyphs equal dst[j:j + L] (L <= longest always); each is the
 * same relaxation best[i + a][j + L] = min(., here + cost) with the same double `here'
 * (the cell's value is final when it is read: every step into row i comes from an
 * earlier row or from the cell before it in row i, both visited first), and a minimum of
 * the same candidate sums does not depend on the order they are tried in.  Cells are
 * visited in the same order, with the same additions and strict comparisons as
 * _ocrwalk.block_cost (tests/test_ocr_blocktable57.py compares the two).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* one row: its cost, the true run's glyphs (unused ones 0) and its length (0 .. 3) */
typedef struct {
    double cost;
    uint32_t cp[3];
    int32_t len;
} Row;

#define MAX_TRUE 3

/* pack(rows) -> bytes: the dict {true run: cost} as a table of Row entries, in the dict's
 * order; ValueError for a true run longer than MAX_TRUE glyphs (the caller then prices
 * with the dicts). */
static PyObject *pack_entry(PyObject *self, PyObject *rows) {
    if (!PyDict_Check(rows)) {
        PyErr_SetString(PyExc_TypeError, "pack: rows must be a dict");
        return NULL;
    }
    Py_ssize_t k = PyDict_GET_SIZE(rows), pos = 0, at = 0;
    PyObject *out = PyBytes_FromStringAndSize(NULL, k * (Py_ssize_t)sizeof(Row));
    if (out == NULL) return NULL;
    Row *table = (Row *)PyBytes_AS_STRING(out);
    PyObject *key, *value;
    while (PyDict_Next(rows, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || at >= k) {
            PyErr_SetString(PyExc_TypeError, "pack: rows must map str to a number");
            goto fail;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(key);
        if (len > MAX_TRUE) {
            PyErr_SetString(PyExc_ValueError, "pack: a true run longer than 3 glyphs");
            goto fail;
        }
        double cost = PyFloat_AsDouble(value);
        if (cost == -1.0 && PyErr_Occurred()) goto fail;
        Row *r = table + at++;
        memset(r, 0, sizeof(Row));
        r->cost = cost;
        r->len = (int32_t)len;
        for (Py_ssize_t q = 0; q < len; q++) r->cp[q] = (uint32_t)PyUnicode_READ_CHAR(key, q);
    }
    if (at != k) {
        PyErr_SetString(PyExc_RuntimeError, "pack: the dict changed size");
        goto fail;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* cost(src_lows, dst, tables, sub, drop, add) -> float: _ocrwalk.block_cost's programme
 * with tables[i][a - 1] the packed rows (pack) of the printed run of a glyphs at glyph i
 * instead of its (dict, longest) pair.  src_lows[i] is printed glyph i lowered (a str: it
 * may be longer than one glyph, then it equals no glyph of dst). */
static PyObject *cost_entry(PyObject *self, PyObject *args) {
    PyObject *lows, *dst, *tables;
    double sub, drop, add;
    if (!PyArg_ParseTuple(args, "O!UO!ddd", &PyList_Type, &lows, &dst, &PyList_Type, &tables,
                          &sub, &drop, &add))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(lows), m = PyUnicode_GET_LENGTH(dst);
    if (PyList_GET_SIZE(tables) != n) {
        PyErr_SetString(PyExc_ValueError, "cost: tables and src_lows differ in length");
        return NULL;
    }
    Py_ssize_t w = m + 1;
    double *best = PyMem_Malloc(sizeof(double) * (size_t)((n + 1) * w));
    Py_UCS4 *d = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(m + 1));
    /* the lowered printed glyphs as code points; (Py_UCS4)-1 for one that lowers to more
     * than one glyph (it equals no glyph of dst, as in the Python) */
    Py_UCS4 *s = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(n + 1));
    PyObject *result = NULL;
    if (best == NULL || d == NULL || s == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t j = 0; j < m; j++) d[j] = PyUnicode_READ_CHAR(dst, j);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *low_i = PyList_GET_ITEM(lows, i);
        PyObject *ti = PyList_GET_ITEM(tables, i);
        if (!PyUnicode_Check(low_i)) {
            PyErr_SetString(PyExc_TypeError, "cost: src_lows must hold str");
            goto done;
        }
        s[i] = PyUnicode_GET_LENGTH(low_i) == 1 ? PyUnicode_READ_CHAR(low_i, 0) : (Py_UCS4)-1;
        if (!PyList_Check(ti)) {
            PyErr_SetString(PyExc_TypeError, "cost: tables[i] must be a list");
            goto done;
        }
        Py_ssize_t na = PyList_GET_SIZE(ti);
        if (i + na > n) {
            PyErr_SetString(PyExc_ValueError, "cost: a run past the end");
            goto done;
        }
        for (Py_ssize_t a = 0; a < na; a++) {
            PyObject *t = PyList_GET_ITEM(ti, a);
            if (!PyBytes_Check(t) || PyBytes_GET_SIZE(t) % (Py_ssize_t)sizeof(Row) != 0) {
                PyErr_SetString(PyExc_TypeError, "cost: tables[i][a] must be packed rows");
                goto done;
            }
        }
    }
    const double inf = Py_HUGE_VAL;
    for (Py_ssize_t k = 0; k < (n + 1) * w; k++) best[k] = inf;
    best[0] = 0.0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        double *row_i = best + i * w;
        PyObject *ti = i < n ? PyList_GET_ITEM(tables, i) : NULL;
        Py_ssize_t na = i < n ? PyList_GET_SIZE(ti) : 0;
        for (Py_ssize_t j = 0; j <= m; j++) {
            double here = row_i[j];
            if (here == inf) continue;
            if (i < n && j < m) {
                double step = s[i] == d[j] ? 0.0 : sub;
                if (here + step < best[(i + 1) * w + j + 1]) best[(i + 1) * w + j + 1] = here + step;
            }
            if (i < n) {
                if (here + drop < best[(i + 1) * w + j]) best[(i + 1) * w + j] = here + drop;
                for (Py_ssize_t a0 = 0; a0 < na; a0++) {
                    PyObject *t = PyList_GET_ITEM(ti, a0);
                    const Row *r = (const Row *)PyBytes_AS_STRING(t);
                    Py_ssize_t k = PyBytes_GET_SIZE(t) / (Py_ssize_t)sizeof(Row);
                    double *ahead = best + (i + a0 + 1) * w;
                    Py_ssize_t room = m - j;
                    for (Py_ssize_t q = 0; q < k; q++, r++) {
                        Py_ssize_t len = r->len;
                        if (len > room) continue;
                        if (len > 0 && r->cp[0] != d[j]) continue;
                        if (len > 1 && r->cp[1] != d[j + 1]) continue;
                        if (len > 2 && r->cp[2] != d[j + 2]) continue;
                        if (here + r->cost < ahead[j + len]) ahead[j + len] = here + r->cost;
                    }
                }
            }
            if (j < m && here + add < row_i[j + 1]) row_i[j + 1] = here + add;
        }
    }
    result = PyFloat_FromDouble(best[n * w + m]);
done:
    PyMem_Free(best);
    PyMem_Free(d);
    PyMem_Free(s);
    return result;
}

static PyMethodDef methods[] = {
    {"pack", pack_entry, METH_O,
     "pack(rows) -> bytes: a run's rows {true run: cost} as the table cost() reads."},
    {"cost", cost_entry, METH_VARARGS,
     "cost(src_lows, dst, tables, sub, drop, add) -> float: repair.score.ocr_price."
     "_block_cost's programme over packed rows (the same float as _ocrwalk.block_cost)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "_ocrblock",
    "The block price's row table compiled (repair.score.ocr_price, issue 14).", -1, methods,
};

PyMODINIT_FUNC PyInit__ocrblock(void) { return PyModule_Create(&moduledef); }

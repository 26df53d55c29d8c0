/* One run's channel price and the lowered pair it is read from, shared by the compiled OCR walk (_ocrwalk.c) and the compiled
 * channel-price alignment (_ocralign.c); the same span as repair.score.ocr_price._block_span.
 * Include after <Python.h>. */
#ifndef REPAIR_PRICERUN_H
#define REPAIR_PRICERUN_H

/* One run's price: low[i1:i2] -> target[j1:j2] widened by one equal glyph of context on
 * each side, token[a1:a2] and target[b1:b2] priced by block(src, dst) (a float). */
static int price_run(PyObject *token, PyObject *low, PyObject *target, Py_ssize_t n,
                     Py_ssize_t m, Py_ssize_t i1, Py_ssize_t i2, Py_ssize_t j1, Py_ssize_t j2,
                     PyObject *block, double *cost) {
    Py_ssize_t a1 = i1 - 1 > 0 ? i1 - 1 : 0, a2 = i2 + 1 < n ? i2 + 1 : n;
    Py_ssize_t b1 = j1 - 1 > 0 ? j1 - 1 : 0, b2 = j2 + 1 < m ? j2 + 1 : m;
    if (i1 > 0 && j1 > 0 && PyUnicode_READ_CHAR(low, i1 - 1) != PyUnicode_READ_CHAR(target, j1 - 1)) {
        a1 = i1;
        b1 = j1;
    }
    if (i2 < n && j2 < m && PyUnicode_READ_CHAR(low, i2) != PyUnicode_READ_CHAR(target, j2)) {
        a2 = i2;
        b2 = j2;
    }
    /* Python's token[a1:a2]: clamped to the token (it may be shorter than its lowering) */
    Py_ssize_t tn = PyUnicode_GET_LENGTH(token);
    PyObject *src = (a1 >= tn || a2 <= a1) ? PyUnicode_New(0, 0)
                                           : PyUnicode_Substring(token, a1, a2 < tn ? a2 : tn);
    if (src == NULL) return -1;
    PyObject *dst = PyUnicode_Substring(target, b1, b2);
    if (dst == NULL) {
        Py_DECREF(src);
        return -1;
    }
    PyObject *r = PyObject_CallFunctionObjArgs(block, src, dst, NULL);
    Py_DECREF(src);
    Py_DECREF(dst);
    if (r == NULL) return -1;
    double c = PyFloat_AsDouble(r);
    Py_DECREF(r);
    if (c == -1.0 && PyErr_Occurred()) return -1;
    *cost += c;
    return 0;
}

/* token.lower() and word.lower() into *low and *target (new references, both NULL on an
 * error): -1 on an error, 1 when they are equal (the price is 0.0), else 0. */
static int lowered_pair(PyObject *token, PyObject *word, PyObject **low, PyObject **target) {
    static PyObject *s_lower = NULL;
    *low = *target = NULL;
    if (s_lower == NULL && (s_lower = PyUnicode_InternFromString("lower")) == NULL) return -1;
    *low = PyObject_CallMethodNoArgs(token, s_lower);
    if (*low == NULL) return -1;
    *target = PyObject_CallMethodNoArgs(word, s_lower);
    if (*target == NULL) goto fail;
    if (!PyUnicode_Check(*low) || !PyUnicode_Check(*target)) {
        PyErr_SetString(PyExc_TypeError, "channel_cost: lower() gave no str");
        goto fail;
    }
    int eq = PyUnicode_Compare(*low, *target);
    if (eq == -1 && PyErr_Occurred()) goto fail;
    return eq == 0;
fail:
    Py_CLEAR(*low);
    Py_CLEAR(*target);
    return -1;
}

#endif

"""Distances and the candidate edges (pupil, offer) that the solvers work on.

Only pairs within reach can ever be used, so edges are built from a uniform grid on 3-D
unit vectors (where the chord length is monotone in the great-circle distance) instead of
all pupil × school pairs; the exact haversine distance then decides, as the format demands.
The grid is plain numpy: a k-d tree (scipy.spatial) did the same but its import alone
cost about 0.4 s of every command's start-up.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> NDArray:
    """Great-circle distance in km by the haversine formula (vectorised, broadcasting)."""
    p1 = np.radians(np.asarray(lat1, dtype=np.float64))
    p2 = np.radians(np.asarray(lat2, dtype=np.float64))
    dphi = p2 - p1
    dlmb = np.radians(np.asarray(lon2, dtype=np.float64) - np.asarray(lon1, dtype=np.float64))
    a = np.sin(dphi / 2.0) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2.0) ** 2
    return 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def haversine_scalar(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The same formula in plain Python, used to check answers independently of numpy."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi = p2 - p1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(max(a, 0.0), 1.0)))


def unit_vectors(lat: ArrayLike, lon: ArrayLike) -> NDArray:
    """Points on the unit sphere, so that Euclidean neighbours are great-circle neighbours."""
    phi = np.radians(np.asarray(lat, dtype=np.float64))
    lmb = np.radians(np.asarray(lon, dtype=np.float64))
    cphi = np.cos(phi)
    return np.column_stack((cphi * np.cos(lmb), cphi * np.sin(lmb), np.sin(phi)))


def chord_for_km(km: float) -> float:
    """Chord length on the unit sphere for a great-circle distance, with a safety margin."""
    angle = min(km / EARTH_RADIUS_KM, math.pi)
    return 2.0 * math.sin(angle / 2.0) * (1.0 + 1e-9) + 1e-12


def pairs_within(
    a_lat: NDArray, a_lon: NDArray, b_lat: NDArray, b_lon: NDArray, km: float
) -> tuple[NDArray, NDArray, NDArray]:
    """All pairs (i, j) with haversine(a_i, b_j) <= km, and their distances."""
    empty = np.empty(0, dtype=np.int64)
    if len(a_lat) == 0 or len(b_lat) == 0:
        return empty, empty, np.empty(0)
    va, vb = unit_vectors(a_lat, a_lon), unit_vectors(b_lat, b_lon)
    h = chord_for_km(km)
    # cells of side h: every pair within chord h lies in the same or a neighbouring cell
    lo = np.minimum(va.min(axis=0), vb.min(axis=0))
    ca = np.floor((va - lo) / h).astype(np.int64)
    cb = np.floor((vb - lo) / h).astype(np.int64)
    dims = np.maximum(ca.max(axis=0), cb.max(axis=0)) + 3
    cb_key = ((cb[:, 0] + 1) * dims[1] + cb[:, 1] + 1) * dims[2] + cb[:, 2] + 1
    b_order = np.argsort(cb_key, kind="stable")
    b_sorted = cb_key[b_order]
    ii, jj = [], []
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for dz in (-1, 0, 1):
                key = ((ca[:, 0] + 1 + dx) * dims[1] + ca[:, 1] + 1 + dy) * dims[2] + (
                    ca[:, 2] + 1 + dz
                )
                left = np.searchsorted(b_sorted, key, side="left")
                right = np.searchsorted(b_sorted, key, side="right")
                cnt = right - left
                if not cnt.any():
                    continue
                i = np.repeat(np.arange(len(va)), cnt)
                pos = np.arange(len(i)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
                j = b_order[np.repeat(left, cnt) + pos]
                near = np.einsum("ij,ij->i", va[i] - vb[j], va[i] - vb[j]) <= h * h
                ii.append(i[near])
                jj.append(j[near])
    if not ii:
        return empty, empty, np.empty(0)
    i = np.concatenate(ii).astype(np.int64)
    j = np.concatenate(jj).astype(np.int64)
    d = haversine_km(a_lat[i], a_lon[i], b_lat[j], b_lon[j])
    keep = d <= km
    return i[keep], j[keep], d[keep]

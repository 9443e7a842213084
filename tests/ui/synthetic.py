"""A Pingyi-sized synthetic inventory for UI tests and screenshots.

1 county dispatch centre, 15 police-station + 15 police-office platforms,
515 village platforms, 28,500 cameras and 1,080 grids, with Chinese names
and GB/T 28181-shaped ids. Deterministic, so tests can name what they look for.
Used until (and alongside) ``controlroom.demo.network``: tests that only need
"a full-size inventory" take ``full_inventory`` from conftest, which prefers
the demo network when it exists.
"""

from __future__ import annotations

import random

from controlroom.api.schema import (
    Camera,
    CameraKind,
    Grid,
    GridStatus,
    Site,
    SiteKind,
    StreamProfile,
    Tier,
    Transport,
)
from controlroom.inventory import Inventory

COUNTY = "371326"
TOWNS = [
    "平邑街道", "仲村镇", "武台镇", "保太镇", "柏林镇", "卞桥镇", "地方镇", "铜石镇",
    "温水镇", "流峪镇", "郑城镇", "白彦镇", "临涧镇", "丰阳镇", "经济开发区",
]
VILLAGE_WORDS = "东西南北前后上下大小新老"
VILLAGE_STEMS = "武台 王庄 李家 张庄 石门 柳沟 桃园 杏山 河湾 峪口 官庄 店子 岭头 泉上 沙沟 马家 刘庄 陈家 卧龙 凤凰".split()
SPOTS = ["村口", "主街东", "主街西", "广场", "小学门口", "卫生室", "桥头", "党群服务中心", "十字路口", "池塘", "果园", "村委会"]

# a camera the tests look for by name and id
KNOWN_CAMERA_NAME = "北武台社区村口"


def gb_id(unit: int, type_code: str, serial: int) -> str:
    return f"{COUNTY}{unit:02d}00{type_code}0{serial:06d}"


def build_inventory(cameras: int = 28_500, villages: int = 515, grids: int = 1_080) -> Inventory:
    rnd = random.Random(28181)
    sites: list[Site] = []
    cams: list[Camera] = []
    county = Site(id=gb_id(0, "200", 1), name="平邑县社会治安指挥中心", tier=Tier.COUNTY,
                  kind=SiteKind.DISPATCH_CENTRE, parent_id=None, town=None, online=True)
    sites.append(county)
    stations: list[Site] = []
    for t, town in enumerate(TOWNS, start=1):
        station = Site(id=gb_id(t, "200", 1), name=f"{town}派出所指挥平台", tier=Tier.TOWN,
                       kind=SiteKind.POLICE_STATION, parent_id=county.id, town=t, online=True)
        office = Site(id=gb_id(t, "200", 2), name=f"{town}中心警务室", tier=Tier.TOWN,
                      kind=SiteKind.POLICE_OFFICE, parent_id=county.id, town=t, online=t != 9)
        sites += [station, office]
        stations.append(station)
    village_sites: list[Site] = []
    used: set[str] = set()
    for v in range(villages):
        t = v % len(TOWNS) + 1
        if v == 0:
            name = "北武台社区"
            t = 3
        else:
            while True:
                name = rnd.choice(VILLAGE_WORDS) + rnd.choice(VILLAGE_STEMS) + rnd.choice(["村", "社区", "庄"])
                if name not in used:
                    break
        used.add(name)
        site = Site(id=gb_id(t, "200", 100 + v), name=name, tier=Tier.VILLAGE, kind=SiteKind.VILLAGE,
                    parent_id=stations[t - 1].id, town=t, online=rnd.random() > 0.01)
        village_sites.append(site)
    sites += village_sites
    per_village = (cameras * 9 // 10) // villages
    serial = 0

    def camera(site: Site, name: str, kind: CameraKind, tags: list[str]) -> Camera:
        nonlocal serial
        serial += 1
        cid = gb_id(site.town or 0, "131", serial)
        url = f"http://127.0.0.1:8554/live/{cid}.ts"
        prof = StreamProfile(name="sub", width=640, height=360, fps=25, codec="h264", urls={Transport.HTTP_TS: url})
        return Camera(id=cid, name=name, site_id=site.id, grid_id=None, kind=kind, tags=tags,
                      ptz=rnd.random() < 0.2, online=rnd.random() > 0.03, streams=[prof])

    for site in village_sites:
        for k in range(per_village):
            if site.name == "北武台社区" and k == 0:
                name = KNOWN_CAMERA_NAME
            else:
                name = f"{site.name}{SPOTS[k % len(SPOTS)]}{k // len(SPOTS) + 1}号"
            cams.append(camera(site, name, CameraKind.VILLAGE, ["ring:suburb"]))
    k = 0
    while len(cams) < cameras:
        station = stations[k % len(stations)]
        kind = CameraKind.CHECKPOINT if k % 3 == 0 else CameraKind.ROAD
        label = "卡口" if kind is CameraKind.CHECKPOINT else "道路"
        cams.append(camera(station, f"{TOWNS[k % len(TOWNS)]}{label}{k // len(TOWNS) + 1:03d}", kind, ["ring:county"]))
        k += 1
    grid_list = [
        Grid(id=gb_id(village_sites[g % len(village_sites)].town or 0, "216", g + 1), name=f"网格{g + 1:04d}",
             site_id=village_sites[g % len(village_sites)].id, polygon=[], status=GridStatus.NORMAL,
             status_reason="", cameras_online=0, cameras_total=0, members=[], patrol_on_duty=2)
        for g in range(grids)
    ]
    inv = Inventory()
    inv.replace(sites, cams, grid_list, version=1)
    return inv

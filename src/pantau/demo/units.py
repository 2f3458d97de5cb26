"""The work units of the fictional Pemerintah Kota Teluk Sejahtera and their positions.

Pure data read by :mod:`pantau.demo.organisation`: the badan, dinas, inspektorat and bagian under
the Sekretariat Daerah, then the kecamatan with their kelurahan. The shapes are in
:mod:`pantau.demo.structure`.
"""

from __future__ import annotations

from .structure import CLERKS, Boss, Staff, UnitSpec, secretary

UNITS: tuple[UnitSpec, ...] = (
    UnitSpec(
        "SETDA",
        "Sekretariat Daerah",
        "sekretariat",
        None,
        "Sekretaris Daerah",
        "sekda",
        "adm",
        10,
        (
            Boss("as1", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "jpt", "adm"),
            Boss("as3", "Asisten Administrasi Umum", "jpt", "adm"),
        ),
        (
            Staff("Analis Kebijakan Ahli Muda", "muda", "adm", 3),
            Staff("Pranata Hubungan Masyarakat Ahli Pertama", "pertama", "comm", 2, "as3"),
            Staff("Operator Layanan Operasional", "pelaksana", "adm", 2, "as3"),
        ),
    ),
    UnitSpec(
        "BAGORG",
        "Bagian Organisasi",
        "bagian",
        "SETDA",
        "Kepala Bagian Organisasi",
        "adm",
        "adm",
        8,
        (),
        (
            Staff("Analis Kebijakan Ahli Muda", "muda", "adm", 2),
            Staff("Analis Kebijakan Ahli Pertama", "pertama", "adm", 2),
            Staff("Analis SDM Aparatur Ahli Pertama", "pertama", "hr", 1),
            Staff("Pengadministrasi Perkantoran", "pelaksana", "adm", 1),
        ),
    ),
    UnitSpec(
        "BAGHUK",
        "Bagian Hukum",
        "bagian",
        "SETDA",
        "Kepala Bagian Hukum",
        "adm",
        "law",
        7,
        (),
        (
            Staff("Perancang Peraturan Perundang-undangan Ahli Muda", "muda", "law", 2),
            Staff("Perancang Peraturan Perundang-undangan Ahli Pertama", "pertama", "law", 2),
            Staff("Analis Hukum Ahli Pertama", "pertama", "law", 1),
            Staff("Pengadministrasi Perkantoran", "pelaksana", "adm", 1),
        ),
    ),
    UnitSpec(
        "INSP",
        "Inspektorat",
        "inspektorat",
        "SETDA",
        "Inspektur",
        "jpt",
        "fin",
        18,
        (
            secretary("Inspektorat"),
            Boss("ir1", "Inspektur Pembantu Wilayah I", "adm", "fin"),
            Boss("ir2", "Inspektur Pembantu Wilayah II", "adm", "adm"),
            Boss("irk", "Inspektur Pembantu Khusus", "adm", "law"),
            Boss("umum", "Kepala Subbagian Umum dan Kepegawaian", "pgw", "adm", "sek"),
        ),
        (
            Staff("Auditor Ahli Madya", "madya", "fin", 2, "ir1"),
            Staff("Auditor Ahli Muda", "muda", "fin", 3),
            Staff("Auditor Ahli Pertama", "pertama", "fin", 3),
            Staff(
                "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Muda",
                "muda",
                "adm",
                2,
                "ir2",
            ),
            Staff(
                "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama",
                "pertama",
                "law",
                2,
                "irk",
            ),
            Staff("Pengadministrasi Perkantoran", "pelaksana", "adm", 1, "umum"),
        ),
    ),
    UnitSpec(
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "badan",
        "SETDA",
        "Kepala Badan Perencanaan Pembangunan Daerah",
        "jpt",
        "plan",
        14,
        (
            secretary("Badan"),
            Boss("infra", "Kepala Bidang Perencanaan Infrastruktur dan Kewilayahan", "adm", "plan"),
            Boss(
                "pm", "Kepala Bidang Perencanaan Pemerintahan dan Pembangunan Manusia", "adm", "adm"
            ),
            Boss("eko", "Kepala Bidang Perekonomian dan Sumber Daya Alam", "adm", "plan"),
        ),
        (
            Staff("Perencana Ahli Muda", "muda", "plan", 3),
            Staff("Perencana Ahli Pertama", "pertama", "plan", 3),
            Staff("Statistisi Ahli Pertama", "pertama", "stat", 1, "eko"),
            *CLERKS[:2],
        ),
    ),
    UnitSpec(
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "badan",
        "SETDA",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "jpt",
        "hr",
        15,
        (
            secretary("Badan"),
            Boss("info", "Kepala Bidang Pengadaan, Pemberhentian dan Informasi", "adm", "hr"),
            Boss("mutasi", "Kepala Bidang Mutasi dan Promosi", "adm", "hr"),
            Boss("kom", "Kepala Bidang Pengembangan Kompetensi Aparatur", "adm", "hr"),
        ),
        (
            Staff("Analis SDM Aparatur Ahli Muda", "muda", "hr", 3),
            Staff("Analis SDM Aparatur Ahli Pertama", "pertama", "hr", 3),
            Staff("Asesor SDM Aparatur Ahli Pertama", "pertama", "hr", 1, "kom"),
            Staff("Pranata SDM Aparatur Terampil", "terampil", "hr", 2, "mutasi"),
            Staff("Arsiparis Terampil", "terampil", "adm", 1, "sek"),
        ),
    ),
    UnitSpec(
        "BPKAD",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "badan",
        "SETDA",
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah",
        "jpt",
        "fin",
        18,
        (
            secretary("Badan"),
            Boss("ang", "Kepala Bidang Anggaran", "adm", "fin"),
            Boss("bend", "Kepala Bidang Perbendaharaan", "adm", "fin"),
            Boss("akt", "Kepala Bidang Akuntansi", "adm", "fin"),
            Boss("aset", "Kepala Bidang Aset", "adm", "fin"),
        ),
        (
            Staff("Analis Keuangan Pusat dan Daerah Ahli Muda", "muda", "fin", 3),
            Staff("Analis Keuangan Pusat dan Daerah Ahli Pertama", "pertama", "fin", 3),
            Staff("Pengelola Barang Milik Daerah", "pelaksana", "fin", 2, "aset"),
            Staff("Bendahara Pengeluaran", "pelaksana", "fin", 1, "bend"),
            *CLERKS[:2],
        ),
    ),
    UnitSpec(
        "DISDIK",
        "Dinas Pendidikan dan Kebudayaan",
        "dinas",
        "SETDA",
        "Kepala Dinas Pendidikan dan Kebudayaan",
        "jpt",
        "edu",
        32,
        (
            secretary("Dinas"),
            Boss("sd", "Kepala Bidang Pembinaan Sekolah Dasar", "adm", "edu"),
            Boss("smp", "Kepala Bidang Pembinaan Sekolah Menengah Pertama", "adm", "edu"),
            Boss("bud", "Kepala Bidang Kebudayaan", "adm", "adm"),
            Boss("sdn", "Kepala SD Negeri 004 Teluk Timur", "pgw", "edu", "sd"),
            Boss("sdn", "Kepala SD Negeri 012 Bukit Damai", "pgw", "edu", "sd"),
            Boss("smpn", "Kepala SMP Negeri 3 Teluk Sejahtera", "pgw", "edu", "smp"),
            Boss("smpn", "Kepala SMP Negeri 7 Teluk Sejahtera", "pgw", "edu", "smp"),
        ),
        (
            Staff("Guru Ahli Pertama", "pertama", "edu", 5, "sdn"),
            Staff("Guru Ahli Muda", "muda", "edu", 4, "sdn"),
            Staff("Guru Ahli Pertama", "pertama", "edu", 4, "smpn"),
            Staff("Guru Ahli Madya", "madya", "edu", 3, "smpn"),
            Staff("Pamong Budaya Ahli Pertama", "pertama", "adm", 1, "bud"),
            Staff("Pengawas Sekolah Ahli Madya", "madya", "edu", 1, "sd"),
            *CLERKS,
        ),
    ),
    UnitSpec(
        "DINKES",
        "Dinas Kesehatan",
        "dinas",
        "SETDA",
        "Kepala Dinas Kesehatan",
        "jpt",
        "doc",
        30,
        (
            secretary("Dinas"),
            Boss("yan", "Kepala Bidang Pelayanan Kesehatan", "adm", "health"),
            Boss("p2p", "Kepala Bidang Pencegahan dan Pengendalian Penyakit", "adm", "doc"),
            Boss("pkm", "Kepala UPT Puskesmas Telaga Indah", "pgw", "doc", "yan"),
            Boss("pkm", "Kepala UPT Puskesmas Bukit Damai", "pgw", "health", "yan"),
        ),
        (
            Staff("Dokter Ahli Pertama", "pertama", "doc", 2, "pkm"),
            Staff("Dokter Gigi Ahli Pertama", "pertama", "dent", 1, "pkm"),
            Staff("Perawat Terampil", "terampil", "nurse", 4, "pkm"),
            Staff("Perawat Ahli Pertama", "pertama", "nurse", 2, "pkm"),
            Staff("Bidan Terampil", "terampil", "midwife", 3, "pkm"),
            Staff("Bidan Penyelia", "penyelia", "midwife", 1, "pkm"),
            Staff("Epidemiolog Kesehatan Ahli Pertama", "pertama", "health", 1, "p2p"),
            Staff("Sanitarian Terampil", "terampil", "health", 1, "p2p"),
            Staff("Nutrisionis Terampil", "terampil", "health", 1, "pkm"),
            Staff("Administrator Kesehatan Ahli Pertama", "pertama", "health", 1, "sek"),
            CLERKS[2],
        ),
    ),
    UnitSpec(
        "DPUPR",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "dinas",
        "SETDA",
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        "jpt",
        "eng",
        22,
        (
            secretary("Dinas"),
            Boss("bm", "Kepala Bidang Bina Marga", "adm", "eng"),
            Boss("sda", "Kepala Bidang Sumber Daya Air", "adm", "eng"),
            Boss("tr", "Kepala Bidang Penataan Ruang", "adm", "plan"),
        ),
        (
            Staff("Teknik Jalan dan Jembatan Ahli Muda", "muda", "eng", 2, "bm"),
            Staff("Teknik Jalan dan Jembatan Ahli Pertama", "pertama", "eng", 3, "bm"),
            Staff("Teknik Pengairan Ahli Pertama", "pertama", "eng", 3, "sda"),
            Staff("Penata Ruang Ahli Pertama", "pertama", "plan", 2, "tr"),
            Staff("Pengawas Jalan dan Jembatan", "pelaksana", "eng", 2, "bm"),
            Staff("Pengelola Pengadaan Barang/Jasa Ahli Pertama", "pertama", "fin", 1, "sek"),
            Staff("Surveyor Pemetaan Terampil", "terampil", "eng", 1, "tr"),
            CLERKS[0],
        ),
    ),
    UnitSpec(
        "DISHUB",
        "Dinas Perhubungan",
        "dinas",
        "SETDA",
        "Kepala Dinas Perhubungan",
        "jpt",
        "eng",
        18,
        (
            secretary("Dinas"),
            Boss("lalin", "Kepala Bidang Lalu Lintas", "adm", "eng"),
            Boss("ang", "Kepala Bidang Angkutan", "adm", "adm"),
            Boss("upt", "Kepala UPT Pengujian Kendaraan Bermotor", "pgw", "eng", "ang"),
        ),
        (
            Staff("Penguji Kendaraan Bermotor Terampil", "terampil", "eng", 3, "upt"),
            Staff("Penguji Kendaraan Bermotor Ahli Pertama", "pertama", "eng", 1, "upt"),
            Staff("Petugas Pengatur Lalu Lintas", "pelaksana", "pol", 4, "lalin"),
            Staff("Pengelola Parkir", "pelaksana", "adm", 2, "ang"),
            CLERKS[0],
        ),
    ),
    UnitSpec(
        "DISKOMINFO",
        "Dinas Komunikasi dan Informatika",
        "dinas",
        "SETDA",
        "Kepala Dinas Komunikasi dan Informatika",
        "jpt",
        "it",
        16,
        (
            secretary("Dinas"),
            Boss("aptika", "Kepala Bidang Aplikasi Informatika", "adm", "it"),
            Boss("ikp", "Kepala Bidang Informasi dan Komunikasi Publik", "adm", "comm"),
            Boss("sandi", "Kepala Bidang Persandian dan Statistik", "adm", "stat"),
        ),
        (
            Staff("Pranata Komputer Ahli Muda", "muda", "it", 2, "aptika"),
            Staff("Pranata Komputer Ahli Pertama", "pertama", "it", 3, "aptika"),
            Staff("Pranata Komputer Terampil", "terampil", "it", 1, "aptika"),
            Staff("Pranata Hubungan Masyarakat Ahli Pertama", "pertama", "comm", 2, "ikp"),
            Staff("Sandiman Ahli Pertama", "pertama", "it", 1, "sandi"),
            Staff("Statistisi Ahli Pertama", "pertama", "stat", 1, "sandi"),
        ),
    ),
    UnitSpec(
        "DISDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "dinas",
        "SETDA",
        "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        "jpt",
        "adm",
        16,
        (
            secretary("Dinas"),
            Boss("dafduk", "Kepala Bidang Pelayanan Pendaftaran Penduduk", "adm", "adm"),
            Boss("capil", "Kepala Bidang Pelayanan Pencatatan Sipil", "adm", "law"),
            Boss(
                "piak", "Kepala Bidang Pengelolaan Informasi Administrasi Kependudukan", "adm", "it"
            ),
        ),
        (
            Staff("Administrator Database Kependudukan Ahli Pertama", "pertama", "it", 2, "piak"),
            Staff("Pranata Komputer Terampil", "terampil", "it", 1, "piak"),
            Staff("Operator Layanan Operasional", "pelaksana", "adm", 4),
            Staff("Penata Layanan Operasional", "pelaksana", "adm", 2),
        ),
    ),
    UnitSpec(
        "SATPOLPP",
        "Satuan Polisi Pamong Praja",
        "dinas",
        "SETDA",
        "Kepala Satuan Polisi Pamong Praja",
        "jpt",
        "law",
        20,
        (
            secretary("Satuan"),
            Boss("gakda", "Kepala Bidang Penegakan Peraturan Daerah", "adm", "law"),
            Boss(
                "tibum", "Kepala Bidang Ketertiban Umum dan Ketenteraman Masyarakat", "adm", "pol"
            ),
            Boss("linmas", "Kepala Bidang Perlindungan Masyarakat", "adm", "pol"),
        ),
        (
            Staff("Polisi Pamong Praja Terampil", "terampil", "pol", 6),
            Staff("Polisi Pamong Praja Mahir", "mahir", "pol", 2),
            Staff("Polisi Pamong Praja Ahli Pertama", "pertama", "law", 2, "gakda"),
            CLERKS[0],
        ),
    ),
    UnitSpec(
        "DLH",
        "Dinas Lingkungan Hidup",
        "dinas",
        "SETDA",
        "Kepala Dinas Lingkungan Hidup",
        "jpt",
        "env",
        16,
        (
            secretary("Dinas"),
            Boss("sampah", "Kepala Bidang Pengelolaan Sampah", "adm", "env"),
            Boss("ppl", "Kepala Bidang Penataan dan Penaatan Lingkungan Hidup", "adm", "env"),
            Boss("pencemaran", "Kepala Bidang Pengendalian Pencemaran", "adm", "env"),
        ),
        (
            Staff("Pengendali Dampak Lingkungan Ahli Muda", "muda", "env", 2, "pencemaran"),
            Staff("Pengendali Dampak Lingkungan Ahli Pertama", "pertama", "env", 2),
            Staff("Penyuluh Lingkungan Hidup Ahli Pertama", "pertama", "env", 2, "sampah"),
            Staff("Pengawas Lingkungan Hidup Ahli Pertama", "pertama", "env", 1, "ppl"),
            Staff("Operator Layanan Operasional", "pelaksana", "adm", 2, "sampah"),
        ),
    ),
)

DISTRICTS = (
    ("KEC-TTM", "Teluk Timur", (("KEL-TLI", "Telaga Indah"), ("KEL-MRJ", "Muara Jaya"))),
    ("KEC-BKD", "Bukit Damai", (("KEL-GNL", "Gunung Lestari"),)),
    ("KEC-PSB", "Pesisir Barat", (("KEL-TJB", "Tanjung Batu"),)),
)


def district_units() -> tuple[UnitSpec, ...]:
    """Kecamatan under the Sekretariat Daerah, each with its kelurahan."""
    out: list[UnitSpec] = []
    for code, name, villages in DISTRICTS:
        out.append(
            UnitSpec(
                code,
                f"Kecamatan {name}",
                "kecamatan",
                "SETDA",
                f"Camat {name}",
                "adm",
                "adm",
                9,
                (
                    Boss("sek", "Sekretaris Kecamatan", "pgw", "adm"),
                    Boss("kasi", "Kepala Seksi Pemerintahan", "pgw", "adm", "sek"),
                    Boss("kasi", "Kepala Seksi Pemberdayaan Masyarakat", "pgw", "adm", "sek"),
                ),
                (
                    Staff("Analis Kebijakan Ahli Pertama", "pertama", "adm", 1, "sek"),
                    Staff("Pengadministrasi Perkantoran", "pelaksana", "adm", 2, "kasi"),
                    Staff("Pengelola Layanan Operasional", "pelaksana", "adm", 2, "kasi"),
                ),
            )
        )
        for v_code, v_name in villages:
            out.append(
                UnitSpec(
                    v_code,
                    f"Kelurahan {v_name}",
                    "kelurahan",
                    code,
                    f"Lurah {v_name}",
                    "pgw",
                    "adm",
                    5,
                    (Boss("sek", "Sekretaris Kelurahan", "kasi", "adm"),),
                    (
                        Staff("Pengadministrasi Perkantoran", "pelaksana", "adm", 2, "sek"),
                        Staff("Operator Layanan Operasional", "pelaksana", "adm", 2, "sek"),
                    ),
                )
            )
    return tuple(out)


ALL_UNITS: tuple[UnitSpec, ...] = UNITS + district_units()

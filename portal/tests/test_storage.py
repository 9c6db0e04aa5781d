"""Images on S3-compatible object storage, the way production stores them.

The storage configuration is the one production settings build from AWS_* variables; the
server is moto's S3 server on a free loopback port (a test double: it needs no network and no
account, and speaks the same protocol django-storages and boto3 use against AWS, MinIO or Ceph).
The same assertions run against the embedded default, local media/.
"""

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image
from storages.backends.s3 import S3Storage

from portal.models import PortalImage
from portal.tests.test_settings import clean_env, load_settings

pytest.importorskip("moto", reason="moto[server] (a dev dependency) runs the S3 test double")
boto3 = pytest.importorskip("boto3")

BUCKET = "heritage-media-test"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
REGION = "us-east-1"
RANDOM_ORIGINAL = re.compile(r"^original_images/[0-9a-f]{32}\.png$")
ORIGINAL_NAME = "evacuated-to-bunker-7"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto_server exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 (loopback only)
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"moto_server did not answer on {url} within {timeout}s")


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server on 127.0.0.1 and a free port, for this module's tests."""
    port = free_port()
    executable = shutil.which("moto_server", path=str(sys.prefix) + "/bin") or "moto_server"
    process = subprocess.Popen(
        [executable, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_listening(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def s3_client(s3_endpoint):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    return client


@pytest.fixture(scope="module")
def s3_storage_config(s3_endpoint, tmp_path_factory):
    """STORAGES["default"] exactly as production settings build it from AWS_* variables."""
    env = clean_env(
        tmp_path_factory.mktemp("s3-settings"),
        SECRET_KEY="x" * 50,
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_endpoint,
        AWS_S3_REGION_NAME=REGION,
        **CREDENTIALS,
    )
    return load_settings(env, "STORAGES")["STORAGES"]["default"]


@pytest.fixture
def s3_storage(settings, s3_storage_config, s3_client):
    """Point Django's default storage (and so PortalImage) at the moto bucket; empty it after."""
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage_config}
    yield s3_client
    for key in bucket_keys(s3_client):
        s3_client.delete_object(Bucket=BUCKET, Key=key)


def png_bytes(colour):
    out = BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def bucket_keys(client):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def read_key(client, key):
    return client.get_object(Bucket=BUCKET, Key=key)["Body"].read()


@pytest.mark.django_db
def test_portal_image_is_stored_in_s3_under_a_random_key(s3_storage):
    """A saved image lands in the bucket under a random key that hides its original name."""
    image = PortalImage(
        title="Ікона",
        alt_text="Ікона Богородиці",
        file=ContentFile(png_bytes((200, 30, 30)), name=f"{ORIGINAL_NAME}.png"),
    )
    image.save()
    assert isinstance(image.file.storage, S3Storage)
    assert RANDOM_ORIGINAL.match(image.file.name), image.file.name
    keys = bucket_keys(s3_storage)
    assert keys == [image.file.name]
    assert all(ORIGINAL_NAME not in key for key in keys)
    assert ORIGINAL_NAME.encode() not in read_key(s3_storage, image.file.name)
    assert (image.width, image.height) == (40, 30)

    # Renditions go to the same bucket, named after the random key.
    rendition = image.get_rendition("width-20")
    assert rendition.file.name in bucket_keys(s3_storage)
    assert ORIGINAL_NAME not in rendition.file.name


@pytest.mark.django_db
def test_a_second_image_with_the_same_name_does_not_overwrite_the_first(s3_storage):
    """Two uploads called the same get two keys; the first object's bytes are untouched."""
    first = PortalImage(title="1", file=ContentFile(png_bytes((255, 0, 0)), name="photo.png"))
    first.save()
    first_bytes = read_key(s3_storage, first.file.name)
    second = PortalImage(title="2", file=ContentFile(png_bytes((0, 0, 255)), name="photo.png"))
    second.save()
    assert first.file.name != second.file.name
    assert bucket_keys(s3_storage) == sorted([first.file.name, second.file.name])
    assert read_key(s3_storage, first.file.name) == first_bytes
    assert read_key(s3_storage, second.file.name) != first_bytes


def test_s3_storage_never_overwrites_an_existing_key(s3_storage):
    """file_overwrite=False: saving to a taken key stores the new file under another key."""
    first = default_storage.save("original_images/same.png", ContentFile(b"first"))
    second = default_storage.save("original_images/same.png", ContentFile(b"second"))
    assert first == "original_images/same.png"
    assert second != first
    assert second.startswith("original_images/same")
    assert read_key(s3_storage, first) == b"first"
    assert read_key(s3_storage, second) == b"second"


@pytest.mark.django_db
def test_local_media_stores_images_under_random_names_without_overwriting(settings, tmp_path):
    """The embedded default keeps the same guarantees on the local disk."""
    settings.MEDIA_ROOT = tmp_path
    images = [
        PortalImage(title=str(n), file=ContentFile(png_bytes((n, n, n)), name="photo.png"))
        for n in (10, 20)
    ]
    for image in images:
        image.save()
    names = [image.file.name for image in images]
    assert all(RANDOM_ORIGINAL.match(name) for name in names)
    assert names[0] != names[1]
    stored = sorted(path.name for path in (tmp_path / "original_images").iterdir())
    assert stored == sorted(name.rsplit("/", 1)[1] for name in names)

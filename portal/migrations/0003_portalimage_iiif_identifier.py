from django.db import migrations, models

import portal.images


def give_identifiers(apps, schema_editor):
    PortalImage = apps.get_model("portal", "PortalImage")
    images = list(PortalImage.objects.filter(iiif_identifier__isnull=True).only("pk"))
    for image in images:
        image.iiif_identifier = portal.images.new_iiif_identifier()
    PortalImage.objects.bulk_update(images, ["iiif_identifier"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_home_featured")]

    operations = [
        migrations.AddField(
            model_name="portalimage",
            name="iiif_identifier",
            field=models.CharField(editable=False, max_length=32, null=True),
        ),
        migrations.RunPython(give_identifiers, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="portalimage",
            name="iiif_identifier",
            field=models.CharField(
                default=portal.images.new_iiif_identifier,
                editable=False,
                help_text="The image's opaque, permanent identifier in IIIF addresses.",
                max_length=32,
                unique=True,
                verbose_name="IIIF identifier",
            ),
        ),
    ]

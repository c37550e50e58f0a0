namespace TicketPlatform.Categories;

internal enum CategoryDeletion
{
    Deleted,
    InUse,
    Missing,
}
